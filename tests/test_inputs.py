"""Bad input gets a named error, good input in any common encoding decodes."""

import json
import subprocess
import sys

import pytest

import naba
from naba import errors

ARTICLE = ("أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في العاصمة بسعة مئتي سرير، "
           "وقال الوزير إن المشروع سيخدم آلاف المرضى سنوياً.")


@pytest.mark.parametrize("enc", ["utf-8", "utf-8-sig", "utf-16", "cp1256", "iso8859_6"])
def test_encodings(enc):
    rec = naba.analyze(ARTICLE.encode(enc) if enc != "iso8859_6" else
                       ARTICLE.replace("،", ",").replace("ً", "").encode(enc), stages=("clean",))
    assert "وزارة الصحة" in rec.text


@pytest.mark.parametrize("doc,exc", [
    (b"", errors.EmptyInput),
    (b"   \n ", errors.EmptyInput),
    (bytes(range(256)) * 40, errors.BinaryInput),
    ("<html><body><p>" + ARTICLE + "</p>", errors.TruncatedInput),
    ("{\"id\": 1, \"text\": ", errors.InvalidJSON),
    ("The quick brown fox jumps over the lazy dog. " * 20, errors.NotArabic),
])
def test_bad_inputs(doc, exc):
    with pytest.raises(exc):
        naba.analyze(doc)


def test_too_large(monkeypatch):
    from naba.inputs import loader as load

    monkeypatch.setattr(load, "MAX_BYTES", 1000)
    with pytest.raises(errors.InputTooLarge):
        naba.analyze(("x" * 2000).encode())


def test_malicious_html_is_text_only():
    page = ("<html><head><title>خبر</title><script>alert(1)</script></head><body><article>"
            f"<h1>عنوان الخبر</h1><p onclick=\"alert(2)\">{ARTICLE}</p><p>{ARTICLE}</p>"
            "<img src=x onerror=alert(3)></article></body></html>")
    rec = naba.analyze(page)
    assert "alert" not in rec.text and "<" not in rec.text


def test_json_record_metadata():
    rec = naba.analyze({"id": "a1", "text": ARTICLE, "title": "عنوان", "date": "Fri, 01 Jun 2018 17:25:30 +0000",
                        "outlet": "CNN", "url": "https://example.org/a"})
    assert (rec.id, rec.published, rec.outlet) == ("a1", "2018-06-01", "CNN")


def test_metadata_that_is_not_text_is_dropped_with_a_warning():
    rec = naba.analyze({"id": 7, "text": ARTICLE, "outlet": ["CNN"], "title": {"ar": "عنوان"}})
    assert rec.id == "7" and rec.outlet is None and rec.title != "{'ar': 'عنوان'}"
    assert any("'outlet'" in w and "dropped" in w for w in rec.warnings)


def test_cli_jsonl_takes_command_line_metadata_for_lines_without_it(tmp_path, capsys):
    from naba import cli

    f = tmp_path / "meta.jsonl"
    docs = [{"id": "bare", "text": ARTICLE}, {"id": "own", "text": ARTICLE, "outlet": "CNN",
             "date": "Fri, 01 Jun 2018 17:25:30 +0000"}]
    f.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs), encoding="utf-8")
    argv = ["analyze", "--workers", "1", "--jsonl", str(f), "--published", "2020-02-03", "--outlet", "BBC"]
    assert cli.main(argv) == 0
    bare, own = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert (bare["published"], bare["outlet"]) == ("2020-02-03", "BBC")
    assert (own["published"], own["outlet"]) == ("2018-06-01", "CNN")


def test_cli_errors_one_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "naba", "analyze", str(bad)], capture_output=True, text=True)
    assert p.returncode != 0 and p.stdout == ""
    assert len(p.stderr.strip().splitlines()) == 1 and "invalid-json" in p.stderr


def test_cli_jsonl_batch_goes_on(tmp_path):
    f = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": "ok1", "text": ARTICLE}, ensure_ascii=False), "{broken",
             json.dumps({"id": "en", "text": "Hello world, this is English only. " * 5}),
             json.dumps({"id": "ok2", "text": ARTICLE}, ensure_ascii=False)]
    f.write_text("\n".join(lines), encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "naba", "analyze", "--jsonl", str(f), "--workers", "2"],
                       capture_output=True, text=True)
    assert p.returncode == 0
    out = [json.loads(x) for x in p.stdout.splitlines()]
    assert [o.get("id") for o in out] == ["ok1", None, "en", "ok2"]
    assert "error" in out[1] and out[2]["error"].startswith("not-arabic")
    assert out[3]["schema"] == "naba/1"


ENGLISH_PAGE = ("<html><head><title>News</title></head><body><article><h1>Headline</h1>"
                + "<p>The ministry announced a new hospital today in the capital with two hundred beds.</p>" * 10
                + "</article></body></html>")


def _write_big(path):
    """A 51 MB Arabic text file (over the 16 MB limit for one document)."""
    chunk = (ARTICLE + "\n").encode("utf-8") * 1000
    with open(path, "wb") as f:
        while f.tell() < 51_000_000:
            f.write(chunk)


@pytest.mark.parametrize("name,content,code", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"\n \t\n", "empty"),
    ("random.bin", bytes(range(256)) * 80, "binary"),
    ("doc.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n" + bytes(range(128, 256)) * 50, "binary"),
    ("cut.html", ("<html><head><title>خبر</title></head><body><p>" + ARTICLE * 5).encode(), "truncated"),
    ("cut_fragment.html", ("<div class=\"a\"><p>" + ARTICLE + "</p><p>وقال الوزير إن").encode(), "truncated"),
    ("english.html", ENGLISH_PAGE.encode(), "not-arabic"),
    ("bad.json", b'{"id": 1, "text": ', "invalid-json"),
    ("big.txt", None, "too-large"),
])
def test_cli_bad_input_one_line_nonzero(tmp_path, name, content, code):
    path = tmp_path / name
    if content is None:
        _write_big(path)
    else:
        path.write_bytes(content)
    p = subprocess.run([sys.executable, "-m", "naba", "analyze", str(path)], capture_output=True, text=True)
    assert p.returncode != 0 and p.stdout == ""  # nothing partial printed as if it were whole
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and f"error: {code}:" in lines[0], p.stderr


def test_cli_empty_stdin():
    p = subprocess.run([sys.executable, "-m", "naba", "analyze", "-"], input=b"", capture_output=True)
    assert p.returncode != 0 and p.stdout == b""
    assert len(p.stderr.decode().strip().splitlines()) == 1


@pytest.mark.parametrize("tail", [b"\xd9", b"\xd9\x82\xd8"[:1], "ق".encode()[:1] + b" ", b"\xe2\x80"])
def test_utf8_with_a_broken_sequence_stays_utf8(tail):
    # A UTF-8 file cut inside a character (or with one stray byte) is still UTF-8, not cp1256 mojibake.
    from naba.inputs.decode import decode

    text, enc = decode(ARTICLE.encode("utf-8") + tail)
    assert text.startswith(ARTICLE) and enc.startswith("utf-8")


@pytest.mark.parametrize("value", ["2022-13-45", "yesterday", "2022-05"])
def test_cli_bad_published_option_fails_one_line(tmp_path, value):
    # A date the user typed that cannot be read is a usage error, not a silent warning in the JSON.
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "naba", "analyze", str(f), "--published", value],
                       capture_output=True, text=True)
    assert p.returncode != 0 and p.stdout == ""
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and "--published" in lines[0], p.stderr


def test_cli_unexpected_error_is_one_line_not_a_traceback(monkeypatch, capsys, tmp_path):
    # A bug anywhere below the CLI still ends in one line on stderr and a non-zero exit
    # (NABA_DEBUG=1 shows the traceback).
    from naba import cli, pipeline

    def boom(*a, **k):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(pipeline, "analyze", boom)
    monkeypatch.delenv("NABA_DEBUG", raising=False)
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    assert cli.main(["analyze", str(f)]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "internal" in err[0] and "RuntimeError: boom" in err[0]


def test_cli_jsonl_with_a_utf8_bom(tmp_path):
    # Windows tools write a BOM before the first line; ingest reads such a file, so does --jsonl.
    f = tmp_path / "bom.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": ARTICLE}, ensure_ascii=False) for i in (1, 2)]
    f.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode("utf-8"))
    for args, stdin in (([str(f)], None), (["-"], f.read_bytes())):
        p = subprocess.run([sys.executable, "-m", "naba", "analyze", "--workers", "1", "--jsonl", *args],
                           input=stdin, capture_output=True)
        out = [json.loads(x) for x in p.stdout.decode("utf-8").splitlines()]
        assert [o.get("id") for o in out] == ["a1", "a2"] and all("error" not in o for o in out), out


def test_cli_jsonl_blank_line_keeps_lines_paired(tmp_path, capsys):
    # Output line N answers input line N: a blank line inside the input is an error line of its own;
    # the final newline and blank lines at the very end are not documents.
    from naba import cli

    f = tmp_path / "blank.jsonl"
    doc = [json.dumps({"id": f"a{i}", "text": ARTICLE}, ensure_ascii=False) for i in (1, 2, 3)]
    f.write_text(doc[0] + "\n\n" + doc[1] + "\n  \n\n" + doc[2] + "\n\n \n", encoding="utf-8")
    assert cli.main(["analyze", "--workers", "1", "--jsonl", str(f)]) == 0
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [o.get("id") for o in out] == ["a1", None, "a2", None, None, "a3"]
    assert [o.get("error", "").split(":")[0] for o in out] == ["", "empty-line", "", "empty-line", "empty-line", ""]
    assert all(o["schema"] == "naba/1" for o in out if "error" not in o)


@pytest.mark.parametrize("argv,word", [
    (["analyze", "--format", "xml", "x.txt"], "--format"),
    (["analyze", "--workers", "many"], "--workers"),
    (["nosuch"], "nosuch"),
    ([], "command"),
])
def test_cli_usage_error_one_line(argv, word):
    # The contract: a one-line reason on stderr and a non-zero exit, not argparse's usage block.
    p = subprocess.run([sys.executable, "-m", "naba", *argv], capture_output=True, text=True)
    assert p.returncode == 2 and p.stdout == ""
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("naba: error: ") and word in lines[0], p.stderr


def test_cli_help_unchanged():
    p = subprocess.run([sys.executable, "-m", "naba", "analyze", "--help"], capture_output=True, text=True)
    assert p.returncode == 0 and p.stdout.startswith("usage: naba analyze") and "--format" in p.stdout
