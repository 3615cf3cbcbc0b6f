from django.conf import settings


def site(request) -> dict:
    user = getattr(request, "user", None)
    theme = getattr(user, "theme", None) if user is not None and user.is_authenticated else None
    if theme is None:
        theme = request.COOKIES.get("theme", "system")
    if theme not in {"system", "light", "dark"}:
        theme = "system"
    return {"site_name": "Zentropy Scout", "theme": theme, "site_url": settings.SITE_URL}
