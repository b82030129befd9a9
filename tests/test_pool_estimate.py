"""When a request can expect a query worker (store/pool.py:expected_start), with numbers worked by hand."""

from __future__ import annotations

import math

from peerkg.store.pool import Running, expected_start

NOW = 100.0


def test_an_idle_worker_is_free_now() -> None:
    assert expected_start(NOW, [], idle=1, waiting=0, service=0.01, restart=0.5) == NOW


def test_light_jobs_and_a_short_queue() -> None:
    running = [Running(NOW - 0.002, NOW + 30), Running(NOW - 0.004, NOW + 30)]
    # each running job: max(10 ms - elapsed, elapsed) → 8 ms and 6 ms; three requests ahead take 10 ms each
    start = expected_start(NOW, running, idle=0, waiting=3, service=0.010, restart=0.5)
    assert math.isclose(start - NOW, 0.018)


def test_long_running_jobs_are_expected_to_run_as_long_again_but_not_past_their_deadline() -> None:
    running = [Running(NOW - 2.0, NOW + 3.0), Running(NOW - 4.0, NOW + 1.0)]
    # 2 s more for the first; the second is stopped at its deadline (1 s) and replaced (0.5 s)
    assert math.isclose(expected_start(NOW, running, 0, 0, service=0.5, restart=0.5) - NOW, 1.5)
    # one request ahead takes that worker for the mean time (3 s): then the first, at 2 s
    assert math.isclose(expected_start(NOW, running, 0, 1, service=3.0, restart=0.5) - NOW, 2.0)
    assert math.isclose(expected_start(NOW, running, 0, 2, service=3.0, restart=0.5) - NOW, 4.5)


def test_a_worker_being_replaced_counts_from_its_start_up() -> None:
    assert math.isclose(expected_start(NOW, [], 0, 0, 1.0, restart=0.4, restarting=(NOW - 0.1,)) - NOW, 0.3)
    assert expected_start(NOW, [], 0, 0, 1.0, restart=0.4) == math.inf  # no worker at all
