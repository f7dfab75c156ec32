"""Report building blocks without a database: periods, chart geometry, the query-string period."""

from __future__ import annotations

import datetime as dt

from runtime.backoffice import charts
from runtime.backoffice.reports import Period, Timeliness, period_from

TODAY = dt.date(2026, 3, 15)


def test_a_period_lists_every_month_it_touches_across_a_year_end() -> None:
    period = Period(dt.date(2025, 11, 20), dt.date(2026, 2, 3))
    assert period.months() == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert period.start_at.utcoffset() == dt.timedelta(hours=7)


def test_the_period_defaults_to_this_year_and_survives_bad_input() -> None:
    assert period_from({}, TODAY) == Period(dt.date(2026, 1, 1), TODAY)
    assert period_from({"dari": "rubbish", "sampai": "2026-02-01"}, TODAY) == Period(
        dt.date(2026, 1, 1), dt.date(2026, 2, 1)
    )
    swapped = period_from({"dari": "2026-03-01", "sampai": "2026-02-01"}, TODAY)
    assert swapped == Period(dt.date(2026, 2, 1), dt.date(2026, 3, 1))


def test_timeliness_share_rounds_and_handles_zero() -> None:
    assert Timeliness("a", 2, 1).on_time_percent == 67
    assert Timeliness("a", 0, 0).on_time_percent == 0


def test_stacked_bars_are_scaled_to_the_largest_row() -> None:
    chart = charts.stacked_rows([("Ani", (3, 1)), ("Budi", (1, 0))], ("on_time", "late"))
    ani_on_time, ani_late, budi = chart.bars
    assert (ani_on_time.series, ani_late.series, budi.series) == ("on_time", "late", "on_time")
    assert ani_late.x == ani_on_time.x + ani_on_time.width
    assert abs((ani_on_time.width + ani_late.width) - 4 * budi.width) < 1e-6
    assert ("4" in [label for _, _, label, _ in chart.labels]) and chart.height > 2 * charts.ROW


def test_grouped_columns_share_one_scale_and_label_each_group() -> None:
    chart = charts.grouped_columns(
        [("2026-01", (4, 2, 0)), ("2026-02", (2, 1, 1))], ("submitted", "issued", "rejected")
    )
    heights = {(b.label, b.series): b.height for b in chart.bars}
    assert heights[("2026-01", "submitted")] == 2 * heights[("2026-02", "submitted")]
    assert heights[("2026-01", "rejected")] == 0
    assert {label for _, _, label, _ in chart.labels} >= {"2026-01", "2026-02"}


def test_an_empty_chart_does_not_divide_by_zero() -> None:
    assert charts.stacked_rows([], ("on_time", "late")).bars == []
    assert charts.grouped_columns([("2026-01", (0, 0, 0))], ("a", "b", "c")).labels
