"""Ingest: every input kind, idempotence, failures recorded, and kill -9 then resume."""

from __future__ import annotations

import gzip
import io
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from naba.engines.local import ingest, stages_from_env
from naba.engines.sources import Sources
from naba.store import open_store

FIXTURE = Path(__file__).parent / "fixtures" / "news_small.jsonl"
STAGES = "clean,segment"
N_LINES = sum(1 for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip())


def test_jsonl_ingest_is_idempotent(tmp_path):
    db = tmp_path / "c.db"
    first = ingest([FIXTURE], db, workers=2, stages=STAGES, progress=False)
    assert first.seen == N_LINES
    assert first.added + first.failed == N_LINES and first.skipped == 0
    assert first.failures_by_code == {"invalid-json": 1, "empty": 1}
    again = ingest([FIXTURE], db, workers=1, stages=STAGES, progress=False)
    assert (again.added, again.failed, again.skipped) == (0, 0, N_LINES)
    with open_store(db) as s:
        c = s.counts()
        assert c["articles"] == first.added and c["failures"] == 2
        assert {f["code"] for f in s.failures()} == {"invalid-json", "empty"}
        # the republished copy and its original form one story
        orig = s.article_id("ant_multisource:SK-middleEast-3085-20180725")
        copy = s.article_id("ant_multisource:SK-middleEast-3085-20180725:republished")
        a, b = s.article(orig), s.article(copy)
        assert a["cluster_id"] == b["cluster_id"] == orig  # the dated original is the earliest
        assert c["stories"] == c["articles"] - 1


def test_files_dirs_gzip_and_warc(tmp_path, seed_text):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "seed.txt").write_text(seed_text, encoding="utf-8")
    html = ("<html><head><title>خبر</title></head><body><article><h1>عنوان الخبر</h1><p>"
            + "</p><p>".join(p for p in seed_text.split("\n") if p.strip())
            + "</p></article></body></html>")
    (src / "sub" / "page.html").write_text(html, encoding="utf-8")
    (src / "ignored.bin").write_bytes(b"\x00\x01")
    lines = FIXTURE.read_bytes().splitlines()[:3]
    with gzip.open(src / "sub" / "few.jsonl.gz", "wb") as f:
        f.write(b"\n".join(lines) + b"\n")
    warc = tmp_path / "pages.warc.gz"
    _write_warc(warc, "https://example.org/a", html.encode("utf-8"))
    s = ingest([src, warc], tmp_path / "c.db", workers=1, stages=STAGES, progress=False)
    assert s.seen == 1 + 1 + 3 + 1 and s.failed == 0 and s.added == 6
    with open_store(tmp_path / "c.db") as store:
        rec = store.record(store.article_id("https://example.org/a"))
        assert rec["url"] == "https://example.org/a" and "خامنئي" in rec["text"]


def test_a_cut_warc_keeps_its_whole_records_and_records_the_cut(tmp_path, seed_text):
    """warcio reads a .warc.gz cut inside its last record without a word; naba stores the whole
    records before the cut and records the rest as a `truncated` failure."""
    paras = [p for p in seed_text.split("\n") if p.strip()]
    full = tmp_path / "full.warc.gz"
    _write_warc(full, "https://example.org/a", ("<html><body><article><p>" + "</p><p>".join(paras)
                                                + "</p></article></body></html>").encode("utf-8"))
    one = full.stat().st_size
    _write_warc(tmp_path / "b.warc.gz", "https://example.org/b", ("<html><body><article><p>"
                + "</p><p>".join(reversed(paras)) + "</p></article></body></html>").encode("utf-8"))
    data = full.read_bytes() + (tmp_path / "b.warc.gz").read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[:one + (len(data) - one) // 3])  # inside the second page's record
    s = ingest([cut], tmp_path / "c.db", workers=1, stages=STAGES, progress=False)
    assert (s.added, s.failed) == (1, 1)
    with open_store(tmp_path / "c.db") as store:
        (f,) = store.failures()
        assert f["code"] == "truncated" and "document 1" in f["message"]
        assert store.article_id("https://example.org/a") is not None


def _write_warc(path: Path, uri: str, body: bytes) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                            http_headers=headers))
        w.write_record(w.create_warc_record(uri + ".png", "response", payload=io.BytesIO(b"\x89PNG"),
                                            http_headers=StatusAndHeaders(
                                                "200 OK", [("Content-Type", "image/png")],
                                                protocol="HTTP/1.1")))


def test_bad_inputs_are_failures_and_the_batch_goes_on(tmp_path, seed_text):
    src = tmp_path / "in"
    src.mkdir()
    page = ("<html><head><title>خبر</title></head><body><article><p>"
            + "</p><p>".join(p for p in seed_text.split("\n") if p.strip())
            + "</p></article></body></html>")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.html").write_bytes(bytes(range(256)) * 8)
    (src / "cut.html").write_text(page[:len(page) // 2], encoding="utf-8")
    (src / "english.html").write_text(
        "<html><body><article><p>" + "The talks went on in the capital, officials said. " * 20
        + "</p></article></body></html>", encoding="utf-8")
    lines = [line for line in FIXTURE.read_bytes().splitlines() if line.strip()]
    whole = gzip.compress(b"\n".join(lines) + b"\n")
    (src / "cut.jsonl.gz").write_bytes(whole[:len(whole) // 2])  # stops mid-stream
    (src / "plain.jsonl.gz").write_bytes(lines[0] + b"\n")        # not gzip at all
    (src / "mixed.jsonl").write_bytes(lines[0] + b"\n{\"id\": \"x\", \"text\": \"cut\n" + lines[1] + b"\n")
    db = tmp_path / "c.db"
    s = ingest([src], db, workers=1, stages=STAGES, progress=False)
    with open_store(db) as store:
        failures = {f["source"].rsplit("/", 1)[-1]: f for f in store.failures()}
    codes = {name: f["code"] for name, f in failures.items()}
    assert codes["empty.txt"] == "empty" and codes["binary.html"] == "binary"
    assert codes["cut.html"] == "truncated" and codes["english.html"] == "not-arabic"
    assert codes["mixed.jsonl:2"] == "invalid-json"
    cut = [f for name, f in failures.items() if name.startswith("cut.jsonl.gz:")]
    assert len(cut) == 1 and cut[0]["code"] == "truncated" and "EOFError" in cut[0]["message"]
    assert codes["plain.jsonl.gz:1"] == "bad-input"
    read_before_cut = int(cut[0]["source"].rsplit(":", 1)[1]) - 1
    assert 0 < read_before_cut < len(lines)
    assert s.added >= 2 + 1  # the good lines of mixed.jsonl, those before the cut
    again = ingest([src], db, workers=1, stages=STAGES, progress=False)
    assert (again.added, again.failed) == (0, 0) and again.skipped == s.seen


def test_sources_count_bytes():
    src = Sources([FIXTURE])
    items = list(src)
    assert len(items) == N_LINES and src.done_bytes == src.total_bytes
    assert len({i.hash for i in items}) == N_LINES


def test_stages_option():
    assert stages_from_env("times") == ("clean", "segment", "times")
    with pytest.raises(ValueError):
        stages_from_env("clean,nonsense")


def _dump(db: Path) -> dict:
    conn = sqlite3.connect(db)
    out = {}
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'"
                                 " AND name NOT LIKE 'articles_fts%' AND name != 'schema_migrations'"):
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")
                if r[1] not in ("ingested_at", "at")]
        out[table] = sorted(conn.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall(),
                            key=repr)
    out["fts"] = conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'ال*'"
                              " ORDER BY rowid").fetchall()
    conn.close()
    return out


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
        n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        conn.close()
        return n
    except sqlite3.Error:
        return 0


def test_killed_twice_then_resumed_equals_unbroken(tmp_path):
    env = {**os.environ, "NABA_INGEST_BATCH": "3"}
    cmd = [sys.executable, "-m", "naba", "ingest", str(FIXTURE), "--workers", "2",
           "--stages", STAGES, "--no-progress", "--db"]
    whole = tmp_path / "whole.db"
    subprocess.run(cmd + [str(whole)], env=env, check=True, capture_output=True)
    broken = tmp_path / "broken.db"
    left = []  # articles stored when each kill landed
    for at_least in (6, 24):
        proc = subprocess.Popen(cmd + [str(broken)], env=env, start_new_session=True,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while proc.poll() is None and _count(broken) < at_least and time.monotonic() < deadline:
            time.sleep(0.01)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)  # the ingest and its workers, mid-run
            proc.wait()
            left.append(_count(broken))
        proc.wait()
    # at least one kill cut the run short (on a loaded machine the second may land after the
    # last batch was written: the run was whole by then, which proves nothing either way)
    assert any(0 < n < _count(whole) for n in left), left
    subprocess.run(cmd + [str(broken)], env=env, check=True, capture_output=True)
    assert _dump(broken) == _dump(whole)


@pytest.mark.parametrize("name,content", [
    ("headers_only.warc", b"WARC/1.0\r\nWARC-Type: response\r\n\r\n"),  # warcio: AttributeError
    ("not_a_warc.warc", b"<html><body>just a page named .warc</body></html>\n"),
])
def test_a_malformed_warc_is_a_failure_not_a_crash(tmp_path, seed_text, name, content):
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "a.txt"
    good.write_text(seed_text, encoding="utf-8")
    s = ingest([bad, good], tmp_path / "c.db", workers=1, stages=STAGES, progress=False)
    assert (s.added, s.failed) == (1, 1)
    assert s.failures_by_code == {"bad-input": 1}  # the file's fault (even warcio's AttributeError)


def test_a_bug_while_reading_inputs_is_internal_not_an_unreadable_file(tmp_path, seed_text, monkeypatch):
    # A bug of naba's own reading code is no bad file: it is recorded as "internal" (as a bug in
    # the analysis is), for WARC and JSONL alike.
    from naba.engines import sources

    warc = tmp_path / "pages.warc.gz"
    _write_warc(warc, "https://example.org/a", b"<html><body><p>x</p></body></html>")
    good = tmp_path / "a.txt"
    good.write_text(seed_text, encoding="utf-8")

    def buggy_records(path, raw):
        raise KeyError("a bug")
        yield

    monkeypatch.setattr(sources.Sources, "_warc_records", staticmethod(buggy_records))
    s = ingest([warc, good], tmp_path / "c.db", workers=1, stages=STAGES, progress=False)
    assert (s.added, s.failures_by_code) == (1, {"internal": 1})
    with open_store(tmp_path / "c.db") as store:
        (f,) = store.failures()
    assert f["message"].startswith("internal error reading pages.warc.gz") and "KeyError" in f["message"]

    real_sha1 = sources.sha1

    def buggy_sha1(data):
        if data.startswith(b"{"):
            raise TypeError("a bug")
        return real_sha1(data)

    monkeypatch.setattr(sources, "sha1", buggy_sha1)
    s = ingest([FIXTURE], tmp_path / "d.db", workers=1, stages=STAGES, progress=False)
    assert s.failures_by_code == {"internal": 1}
