import gzip
import io
import json
import zipfile

import pytest

from marsad.errors import InputError
from marsad.ingest import IngestOptions, read_inputs
from marsad.ingest.sources import read_stdin
from marsad.model import Article


def read(*paths, **opts):
    return list(read_inputs([str(p) for p in paths], IngestOptions(**opts)))


def only_article(results):
    articles = [r for r in results if isinstance(r, Article)]
    assert len(articles) == 1, results
    return articles[0]


def test_text_with_front_matter(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("---\ntitle: عنوان\noutlet: Orient Net\npublished: 2016-12-20\n---\n"
                    "قال مصدر إن القوات انسحبت.\r\n", encoding="utf-8")
    article = only_article(read(path))
    assert (article.title, article.outlet, str(article.published)) == (
        "عنوان", "Orient Net", "2016-12-20")
    assert article.text == "قال مصدر إن القوات انسحبت."
    assert article.origin == str(path)


def test_cli_metadata_fills_only_what_the_input_lacks(tmp_path):
    (tmp_path / "a.txt").write_text("---\noutlet: SANA\n---\nنص الخبر", encoding="utf-8")
    import datetime as dt

    article = only_article(read(tmp_path / "a.txt", outlet="Other",
                                published=dt.date(2020, 1, 2)))
    assert article.outlet == "SANA"
    assert article.published == dt.date(2020, 1, 2)


def test_markdown_loses_markup_and_gives_title(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# سقوط **تدمر**\n\nقال [المرصد](http://x) إن *التنظيم* سيطر.\n",
                    encoding="utf-8")
    article = only_article(read(path))
    assert article.title == "سقوط تدمر"
    assert article.text == "سقوط تدمر\n\nقال المرصد إن التنظيم سيطر."


def test_html_main_text_title_sitename_and_meta_date(tmp_path):
    body = "<p>" + "قال ناشطون إن طائرات حربية قصفت مدينة معرة النعمان صباح اليوم. " * 3 + "</p>"
    html = ("<html><head><title>غارات على معرة النعمان</title>"
            "<meta property='og:site_name' content='Enab Baladi'>"
            "<meta property='article:published_time' content='2016-12-15T10:00:00'>"
            f"</head><body><nav>الرئيسية</nav><article>{body}</article>"
            "<footer>حقوق</footer></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("utf-8"))
    article = only_article(read(path))
    assert article.title == "غارات على معرة النعمان"
    assert article.outlet == "Enab Baladi"
    assert str(article.published) == "2016-12-15"
    assert "معرة النعمان" in article.text and "الرئيسية" not in article.text


def test_html_declared_windows_1256(tmp_path):
    html = ("<html><head><meta charset='windows-1256'></head><body><p>"
            + "سيطرت فصائل المعارضة على قرية في ريف حلب الشمالي بعد اشتباكات. " * 3
            + "</p></body></html>")
    path = tmp_path / "p.htm"
    path.write_bytes(html.encode("cp1256"))
    assert "ريف حلب" in only_article(read(path)).text


def test_truncated_html_still_yields_its_text(tmp_path):
    html = ("<html><body><article><p>" + "قتل خمسة مدنيين بقصف مدفعي على بلدة كفرنبل. " * 4
            + "</p><p>وأضاف الناشطون أن القصف ")
    path = tmp_path / "cut.html"
    path.write_text(html, encoding="utf-8")
    assert "كفرنبل" in only_article(read(path)).text


def test_html_without_text_is_a_clear_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>var x=1;</script></head><body></body>",
                    encoding="utf-8")
    (error,) = read(path)
    assert isinstance(error, InputError) and "no article text" in str(error)


def test_json_list_jsonl_and_csv_with_configured_fields(tmp_path):
    records = [{"headline": "خبر 1", "content": "نص الخبر الأول", "source": "sabq",
                "date_extracted": "2015-07-21 10:22:00", "author": "x"},
               {"headline": "خبر 2", "content": "نص الخبر الثاني", "source": "okaz"}]
    (tmp_path / "a.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    (tmp_path / "c.csv").write_text("عنوان,نص,موقع\nخبر 3,\"نص، مع فاصلة\",sana\n",
                                    encoding="utf-8-sig")
    fields = {"title": ("headline", "عنوان"), "text": ("content", "نص"),
              "url": ("url",), "outlet": ("source", "موقع"),
              "published": ("date_extracted",)}
    results = read(tmp_path, fields=fields)
    assert all(isinstance(r, Article) for r in results), results
    assert [a.title for a in results] == ["خبر 1", "خبر 2", "خبر 1", "خبر 2", "خبر 3"]
    assert str(results[0].published) == "2015-07-21"
    assert results[0].meta == {"author": "x"}
    assert results[4].text == "نص، مع فاصلة" and results[4].outlet == "sana"
    assert results[0].origin.endswith("a.json[0]") and results[3].origin.endswith("b.jsonl:2")


def test_bad_records_are_reported_and_the_rest_kept(tmp_path):
    lines = ['{"text": "خبر أول"}', "{broken", '{"title": "بلا نص"}', '{"text": ""}',
             '{"text": "خبر أخير", "published": "غدا"}']
    (tmp_path / "x.jsonl").write_text("\n".join(lines), encoding="utf-8")
    results = read(tmp_path / "x.jsonl")
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["Article", "InputError", "InputError", "InputError", "Article"]
    assert "x.jsonl:2" in str(results[1]) and "not valid JSON" in str(results[1])
    assert "no text field" in str(results[2])
    assert results[4].published is None
    assert results[4].errors[0].stage == "ingest" and "غدا" in results[4].errors[0].message


def test_zip_and_gzip_archives(tmp_path):
    with zipfile.ZipFile(tmp_path / "day.zip", "w") as archive:
        archive.writestr("2015-07-21.json", json.dumps([{"content": "خبر من أرشيف"}]))
        archive.writestr("notes.bin", b"\x00\x01")
    with gzip.open(tmp_path / "one.txt.gz", "wb") as handle:
        handle.write("خبر مضغوط".encode())
    results = read(tmp_path / "day.zip", tmp_path / "one.txt.gz")
    assert [r.text for r in results if isinstance(r, Article)] == ["خبر من أرشيف", "خبر مضغوط"]
    errors = [r for r in results if isinstance(r, InputError)]
    assert len(errors) == 1 and "notes.bin" in str(errors[0]) and "not a supported" in str(
        errors[0])


def test_folders_recurse_and_skip_hidden(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "a.txt").write_text("نص أ", encoding="utf-8")
    (tmp_path / "b.txt").write_text("نص ب", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text("مخفي", encoding="utf-8")
    assert [r.text for r in read(tmp_path)] == ["نص ب", "نص أ"]


def test_stdin_is_sniffed():
    lines = '{"text": "أول"}\n{"text": "ثان"}\n'.encode()
    results = list(read_stdin(IngestOptions(), io.BytesIO(lines)))
    assert [r.text for r in results] == ["أول", "ثان"]
    results = list(read_stdin(IngestOptions(), io.BytesIO("نص عادي".encode("cp1256"))))
    assert results[0].text == "نص عادي" and results[0].origin == "<stdin>"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n", "empty"),
        ("binary.txt", bytes(range(256)) * 50, "binary"),
        ("missing.txt", None, "does not exist"),
    ],
)
def test_bad_single_inputs_name_the_file(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    (error,) = read(path)
    assert isinstance(error, InputError)
    assert str(path) in str(error) and message in str(error)


def test_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    (error,) = read(path)
    assert "50.0 MB" in str(error) and "max_file_mb" in str(error)


def test_same_text_same_outlet_same_id(tmp_path):
    (tmp_path / "a.txt").write_text("نص واحد", encoding="utf-8")
    (tmp_path / "b.txt").write_text("نص واحد\n", encoding="utf-8")
    a, b = read(tmp_path)
    assert a.id == b.id and a.id.startswith("ar_")
    (c,) = read(tmp_path / "a.txt", outlet="Other")
    assert c.id != a.id
