"""Council experts never see recommendations that are still only proposed (drafts)."""

import pytest
from django.utils import timezone

from recommendations.models import Recommendation

pytestmark = pytest.mark.django_db


@pytest.fixture
def recs(meeting):
    proposed = Recommendation.objects.create(meeting=meeting, text="Draft idea", status="proposed")
    presented = Recommendation.objects.create(meeting=meeting, text="Presented idea", status="presented", order=2)
    return proposed, presented


def test_expert_sees_presented_not_proposed(expert_user, recs):
    assert list(Recommendation.objects.visible_to(expert_user)) == [recs[1]]


def test_cochair_and_secretariat_see_both(cochair_user, secretariat_user, recs):
    assert set(Recommendation.objects.visible_to(cochair_user)) == set(recs)
    assert set(Recommendation.objects.visible_to(secretariat_user)) == set(recs)


def test_nonmember_and_other_year_cochair_see_nothing(nonmember_user, other_cochair_user, recs):
    assert not Recommendation.objects.visible_to(nonmember_user).exists()
    assert not Recommendation.objects.visible_to(other_cochair_user).exists()


def test_proposed_ones_become_visible_when_the_note_is_shared(expert_user, recs, meeting):
    from documents.models import BackgroundNote

    note = BackgroundNote.objects.create(meeting=meeting)
    assert list(Recommendation.objects.visible_to(expert_user)) == [recs[1]]
    note.status = "shared"
    note.shared_at = timezone.now()
    note.save()
    assert set(Recommendation.objects.visible_to(expert_user)) == set(recs)
