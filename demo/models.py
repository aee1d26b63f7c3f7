from django.db import models


class DemoYear(models.Model):
    """The IEG year ``load_demo`` made up (its co-chairs, agenda and meetings are examples, not the record).

    The marker is this row, not a text in the year's notes: the demo's recommendations touch only this year, and
    a year entered for real (no row here) is never touched by a reload.
    """

    agenda_year = models.OneToOneField("meetings.AgendaYear", on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["agenda_year"]
        verbose_name = "demo year"

    def __str__(self) -> str:
        return f"Demo year {self.agenda_year.year}"
