"""Tracker pages under /applications/ (the board is the landing page of tracking)."""

from django.urls import path

from tracker.views import applications, board, parts

app_name = "tracker"

urlpatterns = [
    path("", board.board, name="board"),
    path("list/", board.application_list, name="list"),
    path("new/", applications.application_new, name="application-new"),
    path("start/", applications.application_start, name="application-start"),
    path("views/save/", board.view_save, name="view-save"),
    path("views/<uuid:pk>/", board.view_apply, name="view-apply"),
    path("views/<uuid:pk>/default/", board.view_default, name="view-default"),
    path("views/<uuid:pk>/delete/", board.view_delete, name="view-delete"),
    path("<uuid:pk>/", applications.application_detail, name="detail"),
    path("<uuid:pk>/edit/", applications.application_edit, name="edit"),
    path("<uuid:pk>/move/", applications.application_move, name="move"),
    path("<uuid:pk>/reopen/", applications.application_reopen, name="reopen"),
    path("<uuid:pk>/next-action/", applications.application_next_action, name="next-action"),
    path("<uuid:pk>/delete/", applications.application_delete, name="delete"),
    path("<uuid:pk>/tags/", parts.tags_update, name="tags"),
    path("<uuid:pk>/notes/", parts.note_add, name="note-add"),
    path("<uuid:pk>/notes/<uuid:note_pk>/", parts.note_edit, name="note-edit"),
    path("<uuid:pk>/notes/<uuid:note_pk>/delete/", parts.note_delete, name="note-delete"),
    path("<uuid:pk>/events/", parts.event_add, name="event-add"),
    path("<uuid:pk>/timeline/", parts.timeline_more, name="timeline"),
    path("<uuid:pk>/interviews/new/", parts.interview_new, name="interview-new"),
    path("<uuid:pk>/interviews/<uuid:interview_pk>/", parts.interview_edit, name="interview-edit"),
    path("<uuid:pk>/interviews/<uuid:interview_pk>/cancel/", parts.interview_cancel, name="interview-cancel"),
    path("<uuid:pk>/interviews/<uuid:interview_pk>/ics/", parts.interview_ics, name="interview-ics"),
]
