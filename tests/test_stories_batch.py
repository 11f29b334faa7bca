"""Stories in `news-digest batch` and in the digests: each manifest row carries its story,
names and key phrases; digest.txt and the Word digest are grouped by story."""
from __future__ import annotations

import io
import json
from pathlib import Path

from articles.export_stories import story_digest_docx, story_digest_text
from digest.batch.article import BatchSettings
from digest.batch.runner import BatchJob, run_batch
from digest.job import Upload, analyse
from digest.library.export import record
from digest.settings import SummarySettings
from digest.stories.desk import stories_of
from tests.test_stories import FLOOD, SUMMIT


def corpus(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def rows(out: Path) -> dict[str, dict]:
    found = {}
    for line in (out / "manifest.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        found[Path(row["file"]).name] = row
    return found


def run(folder: Path, out: Path):
    settings = BatchSettings(SummarySettings(sentences=2))
    return run_batch(BatchJob([str(folder)], out, settings, workers=2, progress=False))


def test_rows_carry_story_names_and_key_phrases(tmp_path):
    out = tmp_path / "out"
    report = run(corpus(tmp_path / "news", {**SUMMIT, **FLOOD}), out)
    assert report.done == 6
    manifest = rows(out)
    summit = {manifest[name]["story"] for name in SUMMIT}
    flood = {manifest[name]["story"] for name in FLOOD}
    assert len(summit) == 1 and len(flood) == 1 and summit != flood
    assert all(len(row["story"]) == 12 for row in manifest.values())
    tokayev = {"tkv" in {word for e in manifest[name]["entities"] for word in e["key"].split()}
               for name in SUMMIT}
    assert tokayev == {True}
    assert all(row["keywords"] for row in manifest.values())
    assert "_story_features" not in (out / "manifest.jsonl").read_text("utf-8")


def test_digest_txt_is_grouped_by_story(tmp_path):
    out = tmp_path / "out"
    files = {"a-" + name: text for name, text in SUMMIT.items() if "ru" in name or "en" in name}
    files.update({"b-" + name: text for name, text in FLOOD.items()})
    files.update({"c-" + name: text for name, text in SUMMIT.items()
                  if "kk" in name or "tr" in name})
    run(corpus(tmp_path / "news", files), out)
    digest = (out / "digest.txt").read_text("utf-8")
    assert digest.count("STORY: ") == 2
    headings = [f"STORY: {text.splitlines()[0]}" for text in SUMMIT.values()]
    summit_heading = next(digest.index(heading) for heading in headings if heading in digest)
    flood_heading = digest.index("STORY: Floods") if "STORY: Floods" in digest else digest.index(
        "STORY: Наводнение")
    summit_files = [digest.index(name) for name in files if "summit" in name]
    flood_files = [digest.index(name) for name in files if "flood" in name]
    # Every summit article sits under the summit heading, before the flood story begins.
    assert summit_heading < min(summit_files) and max(summit_files) < flood_heading
    assert flood_heading < min(flood_files)


def test_a_rerun_keeps_the_stories_and_a_new_file_joins_one(tmp_path):
    folder = corpus(tmp_path / "news", {"summit-ru.txt": SUMMIT["summit-ru.txt"],
                                        **FLOOD})
    out = tmp_path / "out"
    run(folder, out)
    before = rows(out)
    corpus(folder, {"summit-en.txt": SUMMIT["summit-en.txt"]})
    report = run(folder, out)
    assert (report.done, report.skipped) == (1, 3)
    after = rows(out)
    assert after["summit-en.txt"]["story"] == before["summit-ru.txt"]["story"]
    assert after["flood-en.txt"]["story"] == before["flood-en.txt"]["story"]


def test_the_word_digest_is_grouped_by_story():
    import docx

    settings = SummarySettings(sentences=2)
    order = ["summit-ru.txt", "flood-en.txt", "summit-en.txt", "flood-ru.txt", "summit-kk.txt"]
    texts = {**SUMMIT, **FLOOD}
    results = [analyse(Upload(name, texts[name].encode("utf-8")), settings) for name in order]
    groups = [(heading, [record(results[i], settings) for i in indices])
              for heading, indices in stories_of(results)]
    assert [[order[i] for i in indices] for _, indices in stories_of(results)] == [
        ["summit-ru.txt", "summit-en.txt", "summit-kk.txt"], ["flood-en.txt", "flood-ru.txt"]]
    document = docx.Document(io.BytesIO(story_digest_docx(groups)))
    headings = [p.text for p in document.paragraphs
                if p.style.name in ("Heading 1", "Heading 2")
                and (p.style.name == "Heading 1" or p.text != "Summary")]
    stories = [i for i, text in enumerate(headings) if text.startswith("Story: ")]
    assert len(stories) == 2
    first = headings[stories[0] + 1:stories[1]]  # its articles, each a heading under it
    assert set(first) == {texts[name].split("\n")[0] for name in
                          ("summit-ru.txt", "summit-en.txt", "summit-kk.txt")}
    text = story_digest_text(groups)
    assert text.count("STORY: ") == 2 and text.index("summit-kk.txt") < text.index("flood-en.txt")
