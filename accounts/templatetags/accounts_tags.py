from django import template

from accounts.devices import describe_user_agent

register = template.Library()


@register.filter
def device(user_agent: str) -> str:
    return describe_user_agent(user_agent)
