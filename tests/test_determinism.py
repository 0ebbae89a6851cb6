"""Same input, same site: two builds of one archive are byte-identical, Pagefind's index included."""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import subprocess
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pagefind_bin
import pytest

from conftest import ARCHIVE, mkdocs_build
from generator import search

EPOCH = 1700000000  # 2023-11-14: pinned, or two builds either side of midnight would differ


def digests(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file()}


def test_two_builds_in_two_folders_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    sites = []
    for folder in ("one/archive", "another-clone/archive"):  # paths must not leak into the output
        project = tmp_path / folder
        shutil.copytree(ARCHIVE, project)
        config = project / "mkdocs.yml"  # with a site_url, as a published archive has: the sitemap lists pages
        config.write_text("site_url: https://example.org/archive/\n" + config.read_text())
        result = mkdocs_build(project)
        assert result.returncode == 0, result.stderr
        sites.append(digests(project / "site"))
    first, second = sites
    differing = sorted(name for name in first.keys() | second.keys() if first.get(name) != second.get(name))
    assert not differing, f"{len(differing)} files differ between two builds of one archive: {differing}"
    assert any(name.startswith("pagefind/filter/") for name in first)
    assert {"data/episodes.json", "data/people.json", "data/turns.csv"} <= first.keys()  # generator/data.py
    # The build date is the only date in the output: MkDocs' sitemap lastmod (and its gzip header), pinned above.
    site = tmp_path / "one/archive/site"
    day = datetime.fromtimestamp(EPOCH, UTC).date()
    assert f"<lastmod>{day.isoformat()}</lastmod>" in (site / "sitemap.xml").read_text()
    midnight = int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())
    assert int.from_bytes((site / "sitemap.xml.gz").read_bytes()[4:8], "little") == midnight


def copy_in_order(site: Path, target: Path, newest_first: bool) -> None:
    """Copy ``site`` creating its files in sorted or reverse order: on tmpfs, which lists a folder
    newest first, the copies list their folders in opposite orders."""
    files = sorted(path for path in site.rglob("*") if path.is_file() and "pagefind" not in path.parts)
    for path in reversed(files) if newest_first else files:
        (target / path.relative_to(site)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target / path.relative_to(site))


@pytest.mark.skipif(not Path("/dev/shm").is_dir(), reason="needs a tmpfs at /dev/shm")
def test_the_index_does_not_depend_on_directory_order(built_site: Path) -> None:
    """Pagefind's CLI numbers pages in directory order, which differs between file systems."""
    with tempfile.TemporaryDirectory(dir="/dev/shm") as scratch:
        one, two = Path(scratch, "one"), Path(scratch, "two")
        copy_in_order(built_site, one, newest_first=False)
        copy_in_order(built_site, two, newest_first=True)
        assert os.listdir(one / "speakers") != os.listdir(two / "speakers")  # the orders do differ
        search.index(one)
        search.index(two)
        assert digests(one / "pagefind") == digests(two / "pagefind")


def test_the_pagefind_codec_reads_and_writes_its_chunks_unchanged(built_site: Path, tmp_path: Path) -> None:
    """Decoding and re-encoding Pagefind's own (unsorted) chunks gives back their exact bytes, so
    stabilising them changes their order and nothing else."""
    executable = pagefind_bin.get_executable()
    assert executable is not None
    raw = tmp_path / "raw"
    subprocess.run([str(executable), "--site", str(built_site), "--output-path", str(raw), "--quiet"],
                   check=True, capture_output=True)
    chunks = [*raw.glob("filter/*.pf_filter"), *raw.glob("*.pf_meta")]
    assert len(chunks) >= 5  # type, speaker, show, year, and the metadata
    for chunk in chunks:
        data = chunk.read_bytes()
        assert search.SIGNATURE + search.encode(search.read_chunk(data, chunk.name)) == gzip.decompress(data), chunk.name


def test_stabilised_filters_are_sorted(built_site: Path) -> None:
    bundle = built_site / "pagefind"
    meta_file = next(bundle.glob("*.pf_meta"))
    meta = search.read_chunk(meta_file.read_bytes(), meta_file.name)
    assert isinstance(meta, list) and isinstance(meta[3], list)
    names = [row[0] for row in meta[3] if isinstance(row, list)]
    assert names == sorted(names) == ["show", "speaker", "type", "year"]
    for row in meta[3]:
        assert isinstance(row, list)
        chunk_file = bundle / "filter" / f"{row[1]}.pf_filter"
        chunk = search.read_chunk(chunk_file.read_bytes(), chunk_file.name)
        assert isinstance(chunk, list) and isinstance(chunk[1], list)
        values = [str(value[0]) for value in chunk[1] if isinstance(value, list)]
        assert values == sorted(values), row[0]
