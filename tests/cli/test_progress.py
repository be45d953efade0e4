import io

from rich.console import Console

from marsad.cli.progress import RunProgress
from marsad.runners.local import RunSummary


def console(terminal):
    return Console(file=io.StringIO(), force_terminal=terminal, width=140, highlight=False)


def test_long_run_off_a_terminal_prints_the_bar_once_at_the_end():
    out = console(False)
    progress = RunProgress(1000, console=out, delay=0)
    for n in range(1, 6):
        progress.advance(200)
        progress.articles(RunSummary(articles=n * 10, failed_inputs=1))
    assert out.file.getvalue() == ""  # nothing while running
    progress.close(RunSummary(articles=50, failed_inputs=1))
    progress.close()
    text = out.file.getvalue()
    assert text.count("analysing") == 1
    assert "100%" in text and "50 articles" in text and "articles/s" in text and "ETA" in text
    assert "1 failed" in text


def test_streaming_input_shows_count_and_rate_without_eta():
    out = console(False)
    progress = RunProgress(None, console=out, delay=0)
    progress.articles(RunSummary(articles=7))
    progress.close()
    text = out.file.getvalue()
    assert "7 articles" in text and "articles/s" in text
    assert "ETA" not in text and "%" not in text


def test_short_runs_print_no_bar():
    out = console(True)
    progress = RunProgress(100, console=out, delay=60)
    progress.articles(RunSummary(articles=3))
    progress.close()
    assert out.file.getvalue() == ""


def test_summary_line_has_the_rate():
    line = RunSummary(articles=30, events=4, failed_inputs=2, seconds=1.5).line()
    assert line == ("30 articles (0 already stored), 4 events, 2 inputs failed, 0 stage errors "
                    "in 1.5 s (20.0 articles/s)")
