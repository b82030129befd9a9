"""Ctrl-C during a build is never lost, even when Python swallows its KeyboardInterrupt."""

from __future__ import annotations

import signal
import weakref

import pytest

from peerkg.cli.interrupts import Interrupts


class _Thing:
    pass


def test_an_interrupt_raised_in_a_python_callback_is_raised_again(capfd):
    before = signal.getsignal(signal.SIGINT)
    with Interrupts() as interrupts:
        thing = _Thing()
        ref = weakref.ref(thing, lambda _: signal.raise_signal(signal.SIGINT))
        del thing  # the callback runs now; Python reports its KeyboardInterrupt as "ignored" and goes on
        assert ref() is None
        assert interrupts.seen
        with pytest.raises(KeyboardInterrupt):
            interrupts.check()
    assert "KeyboardInterrupt" not in capfd.readouterr().err
    assert signal.getsignal(signal.SIGINT) is before


def test_no_interrupt_nothing_raised():
    with Interrupts() as interrupts:
        interrupts.check()
    assert not interrupts.seen


def test_an_interrupt_still_raises_where_it_lands():
    with pytest.raises(KeyboardInterrupt), Interrupts():
        signal.raise_signal(signal.SIGINT)
