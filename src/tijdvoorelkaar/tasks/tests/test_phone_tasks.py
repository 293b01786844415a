"""Tasks that ask the broker to phone someone show the number: on the task page, the
dashboard and the participant's page, as a tel: link, read from the participant when the
list is shown."""

import datetime as dt

import pytest
import time_machine

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace import services as marketplace
from tijdvoorelkaar.marketplace.tests.factories import ad
from tijdvoorelkaar.mediations import follow_up, services
from tijdvoorelkaar.participants.tests.factories import participant
from tijdvoorelkaar.tasks.models import Task
from tijdvoorelkaar.tasks.services import create_task
from tijdvoorelkaar.workspace.services import schedule_next_contact

pytestmark = pytest.mark.django_db

TASKS = "/utrecht-zuid/makelaar/taken/?wie=iedereen"
START = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def world():
    areas = demo.seed_areas()
    demo.seed_users(areas)
    area = areas["utrecht-zuid"]
    broker = User.objects.get(email="makelaar@utrecht-zuid.test")
    gerda = participant(area, "Gerda", last_name="Vos", email=None, phone="06 12345678")
    piet = participant(area, "Piet", last_name="de Groot", email="piet@example.org")
    return area, broker, gerda, piet


def page(client, broker, path=TASKS) -> str:
    client.force_login(broker)
    return client.get(path).content.decode()


def test_a_message_gerda_cannot_get_by_email_makes_a_phone_task_with_her_number(client, world):
    area, broker, gerda, piet = world
    marketplace.react(ad=ad(gerda, "Boodschappen"), participant=piet, body="Hoi", base_url="x")
    task = Task.objects.get(participant=gerda)
    assert task.title.startswith("Bel Gerda") and task.phone_call
    html = page(client, broker)
    assert '<a class="phone-link" href="tel:+31612345678">06 12345678</a>' in html
    dashboard = page(client, broker, "/utrecht-zuid/makelaar/")
    assert 'href="tel:+31612345678"' in dashboard
    on_her_page = page(client, broker, f"/utrecht-zuid/makelaar/deelnemers/{gerda.pk}/")
    assert 'href="tel:+31612345678"' in on_her_page


def test_the_number_shown_is_the_one_the_participant_has_now(client, world):
    area, broker, gerda, piet = world
    schedule_next_contact(participant=gerda, broker=broker, on=clock.today())
    assert 'href="tel:+31612345678"' in page(client, broker)
    gerda.phone = "030 765 43 21"
    gerda.save(update_fields=["phone"])
    html = page(client, broker)
    assert '<a class="phone-link" href="tel:+31307654321">030 765 43 21</a>' in html
    assert "06 12345678" not in html
    gerda.phone = ""
    gerda.save(update_fields=["phone"])
    assert "geen telefoonnummer bekend" in page(client, broker)


def test_a_follow_up_call_shows_the_numbers_of_both_sides(client, world):
    area, broker, gerda, piet = world
    with time_machine.travel(START, tick=False):
        m = services.propose(area=area, broker=broker, requester=gerda, provider=piet)
        for side in ("requester", "provider"):
            m = services.record_answer(m, side=side, answer="ja", actor=broker)
        services.record_introduction(
            m,
            actor=broker,
            agreement={
                "what": "Boodschappen",
                "how_often": "wekelijks",
                "hours_each_time": 1,
                "starts_on": START.date(),
                "requester_expects": "praktisch",
                "provider_expects": "praktisch",
            },
        )
    with time_machine.travel(START + dt.timedelta(days=14), tick=False):
        assert follow_up.run_follow_ups() == 1
        task = Task.objects.get(source="nazorg")
        assert task.phone_call and task.people_to_call() == [gerda, piet]
        html = page(client, broker)
    assert "Bellen: Gerda, " in html and 'href="tel:+31612345678"' in html
    assert "Bellen: Piet, " in html and "geen telefoonnummer bekend" in html


def test_asking_to_stop_and_asking_to_be_called_are_phone_tasks(client, world):
    area, broker, gerda, piet = world
    m = services.propose(area=area, broker=broker, requester=gerda, provider=piet)
    follow_up.request_stop(m, piet)
    follow_up.ask_broker_to_call(gerda, message="Graag na 14 uur")
    stop = Task.objects.get(title__contains="wil stoppen")
    call = Task.objects.get(title__contains="bel of mail mij")
    assert stop.people_to_call() == [piet, gerda]
    assert call.people_to_call() == [gerda]
    assert 'href="tel:+31612345678"' in page(client, broker)


def test_other_tasks_show_no_phone_numbers(client, world):
    area, broker, gerda, piet = world
    task = create_task(
        area=area, assignee=broker, participant=gerda, title="Folder nasturen", due_on=clock.today()
    )
    assert not task.phone_call and task.people_to_call() == []
    html = page(client, broker)
    task_list = html.split('class="task-list"')[1].split("Nieuwe taak")[0]
    assert "Folder nasturen" in task_list and "tel:" not in task_list
