from django.contrib import admin

from exports.models import ImportPreview
from tenancy.admin import OwnedAdmin


@admin.register(ImportPreview)
class ImportPreviewAdmin(OwnedAdmin):
    list_display = ("filename", "owner", "created_at", "expires_at", "committed_at", "imported")
    list_select_related = ("owner",)
    search_fields = ("owner__email", "filename")
    readonly_fields = ("owner", "persona", "filename", "columns", "rows", "created_at", "committed_at", "imported")
