"""The scoped default manager: nothing runs unscoped, scoped querysets behave normally.

Concrete owned models come from personas (tenancy has no tables of its own).
"""

from __future__ import annotations

import pytest
from django.db.models import Count, Prefetch

from personas.models import Persona, PersonaSkill
from personas.tests.factories import BulletFactory, PersonaFactory, PersonaSkillFactory, WorkHistoryFactory
from tenancy.exceptions import UnscopedQueryError
from tenancy.querysets import OwnedManager, OwnedQuerySet

pytestmark = pytest.mark.django_db


@pytest.mark.smoke
@pytest.mark.parametrize(
    "operation",
    [
        pytest.param(lambda: list(Persona.objects.all()), id="all"),
        pytest.param(lambda: list(Persona.objects.filter(full_name="x")), id="filter"),
        pytest.param(lambda: Persona.objects.get(full_name="x"), id="get"),
        pytest.param(lambda: Persona.objects.first(), id="first"),
        pytest.param(lambda: Persona.objects.count(), id="count"),
        pytest.param(lambda: Persona.objects.exists(), id="exists"),
        pytest.param(lambda: [p for p in Persona.objects.order_by("full_name")], id="iteration"),
        pytest.param(lambda: bool(Persona.objects.all()), id="bool"),
        pytest.param(lambda: len(Persona.objects.all()), id="len"),
        pytest.param(lambda: list(Persona.objects.values("full_name")), id="values"),
        pytest.param(lambda: list(Persona.objects.values_list("pk", flat=True)), id="values_list"),
        pytest.param(lambda: Persona.objects.aggregate(n=Count("pk")), id="aggregate"),
        pytest.param(lambda: list(Persona.objects.iterator()), id="iterator"),
        pytest.param(lambda: Persona.objects.all()[0], id="index"),
        pytest.param(lambda: Persona.objects.update(full_name="y"), id="update"),
        pytest.param(lambda: Persona.objects.all().delete(), id="delete"),
        pytest.param(lambda: Persona.objects.in_bulk(), id="in_bulk"),
        pytest.param(lambda: Persona.objects.get_or_create(full_name="x"), id="get_or_create"),
        pytest.param(lambda: list(PersonaSkill.objects.select_related("persona")), id="child"),
    ],
)
def test_unscoped_queryset_raises(user, operation):
    PersonaFactory(owner=user, full_name="x")

    with pytest.raises(UnscopedQueryError) as excinfo:
        operation()

    assert "for_user(user)" in str(excinfo.value)


def test_unscoped_union_raises(user, other_user):
    scoped = Persona.objects.for_user(user)

    with pytest.raises(UnscopedQueryError):
        list(scoped.union(Persona.objects.all()))


@pytest.mark.smoke
def test_for_user_returns_only_the_users_rows(user, other_user):
    mine = PersonaFactory(owner=user, full_name="Mine")
    PersonaFactory(owner=other_user, full_name="Theirs")

    names = list(Persona.objects.for_user(user).values_list("full_name", flat=True))

    assert names == ["Mine"]
    assert Persona.objects.for_user(user).get() == mine
    assert Persona.objects.for_user(user).count() == 1


def test_for_user_may_come_anywhere_in_the_chain(user, other_user):
    PersonaFactory(owner=user, full_name="Ann")
    PersonaFactory(owner=other_user, full_name="Ann")

    rows = Persona.objects.filter(full_name="Ann").order_by("created_at").for_user(user)

    assert [p.owner_id for p in rows] == [user.pk]


def test_for_user_with_anonymous_user_is_empty_not_an_error(user):
    from django.contrib.auth.models import AnonymousUser

    PersonaFactory(owner=user)

    assert list(Persona.objects.for_user(AnonymousUser())) == []
    assert list(Persona.objects.for_user(None)) == []


def test_none_may_be_evaluated_without_scope():
    assert list(Persona.objects.none()) == []


def test_unscoped_manager_sees_every_row_and_keeps_queryset_methods(user, other_user):
    PersonaFactory(owner=user)
    PersonaFactory(owner=other_user)

    rows = Persona.unscoped.all()

    assert rows.count() == 2
    assert isinstance(rows, OwnedQuerySet)
    assert rows.for_user(user).count() == 1


def test_related_manager_from_an_owned_parent_is_scoped_to_it(user, other_user):
    persona = PersonaFactory(owner=user)
    skills = PersonaSkillFactory.create_batch(2, persona=persona)
    PersonaSkillFactory(persona=PersonaFactory(owner=other_user))

    assert list(persona.skills.all()) == skills
    assert persona.skills.count() == 2
    assert persona.skills.filter(name=skills[0].name).exists()


def test_related_manager_from_a_row_that_is_not_owned_raises(user):
    PersonaFactory(owner=user)
    # What Django builds for a reverse relation from a shared row: the default
    # manager's class bound to a parent instance that is not owned.
    manager = OwnedManager()
    manager.model = Persona
    manager.instance = user

    with pytest.raises(UnscopedQueryError):
        list(manager.all())


def test_prefetch_related_through_owned_parents_works_across_owners(user, other_user, django_assert_num_queries):
    mine = PersonaFactory(owner=user)
    theirs = PersonaFactory(owner=other_user)
    BulletFactory(work_history=WorkHistoryFactory(persona=mine))
    BulletFactory(work_history=WorkHistoryFactory(persona=theirs))
    PersonaSkillFactory(persona=mine)

    with django_assert_num_queries(4):
        # The admin path: every owner at once, parts fetched once per relation.
        personas = list(Persona.unscoped.order_by("created_at").prefetch_related("skills", "work_history__bullets"))
        bullets = [[b.owner_id for w in p.work_history.all() for b in w.bullets.all()] for p in personas]

    assert bullets == [[user.pk], [other_user.pk]]
    assert [len(p.skills.all()) for p in personas] == [1, 0]


def test_prefetch_with_an_unscoped_explicit_queryset_raises(user):
    PersonaSkillFactory(persona=PersonaFactory(owner=user))

    with pytest.raises(UnscopedQueryError):
        list(Persona.objects.for_user(user).prefetch_related(Prefetch("skills", queryset=PersonaSkill.objects.all())))


def test_custom_queryset_subclass_keeps_the_guard(user):
    class NamedQuerySet(OwnedQuerySet):
        def named(self, name):
            return self.filter(full_name=name)

    manager = OwnedManager.from_queryset(NamedQuerySet)()
    manager.model = Persona
    PersonaFactory(owner=user, full_name="Zed")

    with pytest.raises(UnscopedQueryError):
        list(manager.named("Zed"))
    assert [p.full_name for p in manager.named("Zed").for_user(user)] == ["Zed"]


def test_reverse_manager_from_a_shared_pool_row_raises():
    from django.apps import apps

    if not apps.is_installed("jobpool"):
        pytest.skip("the job pool app is not installed")
    posting_model = apps.get_model("jobpool", "JobPosting")
    link_field = next(
        f for f in posting_model._meta.related_objects if f.related_model._meta.label == "jobpool.PersonaJob"
    )
    posting = posting_model(pk=posting_model._meta.pk.get_default() or 1)
    links = getattr(posting, link_field.get_accessor_name())

    with pytest.raises(UnscopedQueryError):
        list(links.all())
    with pytest.raises(UnscopedQueryError):
        links.count()
