"""Reading files: every encoding we promise, and one clear reason for every bad file."""

import os
import time
import unicodedata
from pathlib import Path

import pytest

from tui_reader.reading import (
    ArticleReadError,
    decode_bytes,
    iter_article_paths,
    read_article_file,
    read_text_file,
)

TEXT = (
    " date 2017-05 Chủ tịch UBND tỉnh trao Bằng khen cho các tập thể\n\n"
    "Ngày 5/5, Chủ tịch UBND tỉnh Đồng Tháp Nguyễn Văn Dương đã trao Bằng khen cho 10 tập thể "
    "và 15 cá nhân có thành tích xuất sắc trong phong trào thi đua yêu nước. Buổi lễ diễn ra "
    "trang trọng, ấm cúng với sự tham dự của đại biểu các sở, ngành.\n\n"
    "Thanh Hương"
)
TITLE = "Chủ tịch UBND tỉnh trao Bằng khen cho các tập thể"

root_only = pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads every file"
)


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese software writes it: base letters plus combining tone bytes."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        for i, mark in enumerate(marks):
            composed = unicodedata.normalize("NFC", base + mark)
            try:
                rest = "".join(marks[:i] + marks[i + 1 :])
                out += composed.encode("cp1258") + rest.encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            out += (base + "".join(marks)).encode("cp1258")
    return bytes(out)


TCVN3 = {  # the letters of TEXT in TCVN3, enough to write it
    "ủ": 0xF1, "ị": 0xDE, "ỉ": 0xD8, "ằ": 0xBB, "ồ": 0xE5, "á": 0xB8, "ễ": 0xD4, "ă": 0xA8,
    "ơ": 0xAC, "đ": 0xAE, "ã": 0xB7, "ậ": 0xCB, "ể": 0xD3, "à": 0xB5, "ấ": 0xCA, "ắ": 0xBE,
    "ư": 0xAD, "ớ": 0xED, "ễ ": 0xD4, "ễn": 0xD4, "ọ": 0xE4, "ả": 0xB6, "ệ": 0xD6, "ạ": 0xB9,
    "ự": 0xF9, "ố": 0xE8, "ú": 0xF3, "ô": 0xAB, "í": 0xDD, "ó": 0xE3, "ở": 0xEB, "ề": 0xD2,
    "Đ": 0xA7, "ổ": 0xE6, "ầ": 0xC7, "ì": 0xD7, "â": 0xA9, "ê": 0xAA, "é": 0xD0, "ữ": 0xF7,
    "ộ": 0xE9,
}  # fmt: skip


def encode_tcvn3(text: str) -> bytes:
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if char.isascii():
            out += char.encode()
        else:
            out.append(TCVN3[char.lower()] if char.lower() in TCVN3 else TCVN3[char])
    return bytes(out)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with its BOM
        TEXT.encode("utf-16-be").join([b"\xfe\xff", b""]),
        TEXT.encode("utf-16-le"),  # without a BOM
        unicodedata.normalize("NFD", TEXT).replace("\n", "\r\n").encode("utf-8"),
        encode_cp1258(TEXT),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16-be", "utf16-no-bom", "nfd-crlf", "windows-1258"],
)
def test_encodings_read_to_the_same_nfc_article(tmp_path, data):
    article = read_article_file(write(tmp_path, "a.txt", data))
    assert article.title == TITLE
    assert article.author == "Thanh Hương"
    assert article.paragraphs[0].startswith("Ngày 5/5, Chủ tịch UBND tỉnh Đồng Tháp Nguyễn Văn")
    assert article.paragraphs[0] == unicodedata.normalize("NFC", article.paragraphs[0])


def test_windows_1258_really_uses_combining_tones():
    data = encode_cp1258(TEXT)
    assert b"\xd2" in data or b"\xde" in data  # hook above / tilde as separate bytes
    assert decode_bytes(data, "x") == unicodedata.normalize("NFC", TEXT)


def test_tcvn3(tmp_path):
    data = encode_tcvn3(TEXT)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    article = read_article_file(write(tmp_path, "a.txt", data))
    # TCVN3 has no upper-case toned letters: "Ủ" comes back as a lower-case letter
    assert article.paragraphs[0].startswith("Ngày 5/5, Chủ tịch")
    assert article.author == "Thanh Hương"


VNI_TONES = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï", "": ""}
VNI_CIRCUMFLEX = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã",
                  "\u0323": "ä"}  # fmt: skip
VNI_BREVE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
VNI_I = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def encode_vni(text: str) -> bytes:
    """VNI-Windows: the base letter, then one byte for its vowel mark and tone together."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        if char in "đĐ":
            out.append("ñ" if char == "đ" else "Ñ")
            continue
        base, *marks = unicodedata.normalize("NFD", char)
        tone = next((m for m in marks if m in VNI_TONES and m), "")
        upper = base.isupper()
        if "\u031b" in marks:  # horn: ơ and ư have a byte of their own
            base = {"o": "ô", "u": "ö", "O": "Ô", "U": "Ö"}[base]
        if base in "iI" and tone:
            mark = VNI_I[tone]
        elif "\u0302" in marks:
            mark = VNI_CIRCUMFLEX[tone]
        elif "\u0306" in marks:
            mark = VNI_BREVE[tone]
        else:
            mark = VNI_TONES[tone]
        if base in "iI" and tone:
            base = ""
        out.append(base + (mark.upper() if upper else mark))
    return "".join(out).encode("cp1252")


def test_vni(tmp_path):
    data = encode_vni(TEXT.replace("Chủ tịch UBND tỉnh", "ỦY BAN NHÂN DÂN tỉnh", 1))
    assert b"\xf1" in data  # "đ" written as "ñ"
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    article = read_article_file(write(tmp_path, "a.txt", data))
    assert article.title == TITLE.replace("Chủ tịch UBND tỉnh", "ỦY BAN NHÂN DÂN tỉnh")
    assert article.paragraphs[0].startswith("Ngày 5/5, Chủ tịch UBND tỉnh Đồng Tháp Nguyễn Văn")
    assert article.author == "Thanh Hương"


def test_unknown_8bit_text_is_refused_with_a_clear_message(tmp_path):
    french = " date 2017-05 Été\n\nL'été à Paris était très chaud, déjà en mai; où êtes-vous?"
    with pytest.raises(ArticleReadError) as info:
        read_article_file(write(tmp_path, "a.txt", french.encode("latin-1")))
    assert "not UTF-8" in info.value.reason and "save the file as UTF-8" in info.value.reason


def test_utf8_with_one_damaged_byte_is_still_read(tmp_path):
    data = TEXT.encode("utf-8").replace("Buổi".encode(), b"Bu\xff")
    article = read_article_file(write(tmp_path, "a.txt", data))
    assert "\ufffd" in article.body and article.title == TITLE


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"\n\n  \r\n", "empty"),
        (b"\xef\xbb\xbf", "empty"),
        (bytes(range(256)) * 20, "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        ("Không có dòng ngày\n\nNội dung.".encode(), "no date line"),
        (" date 2017-5 Tiêu đề\n\nNội dung.".encode(), "not YYYY-MM"),
        (" date 2017-05\n\nNội dung.".encode(), "no title"),
        (b"\x1b[31m\x07\x1b[0m" * 50, "binary"),
    ],
)
def test_bad_files_have_one_short_reason(tmp_path, data, reason):
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(ArticleReadError) as info:
        read_article_file(path)
    assert reason in info.value.reason
    assert info.value.path == str(path)
    assert "\n" not in str(info.value)


def test_source_names_the_file_in_errors(tmp_path):
    with pytest.raises(ArticleReadError) as info:
        read_article_file(write(tmp_path, "bad.txt", b""), source="input/bad.txt")
    assert info.value.path == "input/bad.txt"


def test_huge_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB that were never written
    started = time.perf_counter()
    with pytest.raises(ArticleReadError) as info:
        read_article_file(path)
    assert time.perf_counter() - started < 0.5
    assert "too large" in info.value.reason and "50.0 MB" in info.value.reason


def test_folder_missing_file_and_special_file(tmp_path):
    with pytest.raises(ArticleReadError, match="is a folder"):
        read_article_file(tmp_path)
    with pytest.raises(ArticleReadError, match="no such file"):
        read_article_file(tmp_path / "missing.txt")
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.txt"
        os.mkfifo(fifo)
        with pytest.raises(ArticleReadError, match="not a regular file"):
            read_article_file(fifo)  # must not block waiting for a writer


def test_symlink_loop_and_broken_link(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(ArticleReadError, match="symbolic link loop"):
        read_article_file(tmp_path / "a.txt")
    with pytest.raises(ArticleReadError, match="broken symbolic link"):
        read_article_file(tmp_path / "broken.txt")


@root_only
def test_unreadable_file(tmp_path):
    path = write(tmp_path, "secret.txt", TEXT.encode())
    path.chmod(0)
    try:
        with pytest.raises(ArticleReadError, match="permission denied"):
            read_article_file(path)
    finally:
        path.chmod(0o644)


# --- iter_article_paths --------------------------------------------------------------------------


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "b" / "z.txt").write_text(TEXT, encoding="utf-8")
    (root / "b" / "deep" / "c.TXT").write_text(TEXT, encoding="utf-8")
    (root / "b" / "notes.md").write_text("not an article", encoding="utf-8")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "x.txt").write_text(TEXT, encoding="utf-8")
    return root


def test_folders_expand_recursively_sorted_to_txt_files(tmp_path):
    root = _tree(tmp_path)
    found = list(iter_article_paths([root]))
    assert found == [root / "a.txt", root / "b" / "deep" / "c.TXT", root / "b" / "z.txt"]


def test_a_named_file_is_read_whatever_its_extension(tmp_path):
    root = _tree(tmp_path)
    assert list(iter_article_paths([root / "b" / "notes.md"])) == [root / "b" / "notes.md"]


def test_other_suffixes_on_request(tmp_path):
    root = _tree(tmp_path)
    (root / "dump.jsonl").write_text("{}\n", encoding="utf-8")
    found = list(iter_article_paths([root], suffixes={".txt", ".jsonl"}))
    assert root / "dump.jsonl" in found


def test_symlink_loops_in_folders_end(tmp_path):
    root = _tree(tmp_path)
    (root / "b" / "up").symlink_to(root)  # a loop back to the top
    (root / "self.txt").symlink_to(root / "self.txt")
    found = list(iter_article_paths([root]))
    paths = [p for p in found if isinstance(p, Path)]
    errors = [e for e in found if isinstance(e, ArticleReadError)]
    assert sorted(paths) == sorted([root / "a.txt", root / "b" / "deep" / "c.TXT",
                                    root / "b" / "z.txt"])  # fmt: skip
    assert [e.reason for e in errors] == ["symbolic link loop"]


def test_missing_paths_are_errors_and_the_rest_goes_on(tmp_path):
    root = _tree(tmp_path)
    found = list(iter_article_paths([tmp_path / "nope", root / "a.txt"]))
    assert isinstance(found[0], ArticleReadError) and "no such file" in found[0].reason
    assert found[1] == root / "a.txt"


@root_only
def test_unreadable_folder_is_reported_and_skipped(tmp_path):
    root = _tree(tmp_path)
    (root / "b").chmod(0)
    try:
        found = list(iter_article_paths([root]))
    finally:
        (root / "b").chmod(0o755)
    assert found[0] == root / "a.txt"
    assert isinstance(found[1], ArticleReadError) and "permission denied" in found[1].reason


def test_permission_denied_on_open(tmp_path, monkeypatch):
    """The same check as test_unreadable_file, also when the tests run as root."""
    import tui_reader.reading as reading

    path = write(tmp_path, "secret.txt", TEXT.encode())

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(reading, "open", refuse, raising=False)
    with pytest.raises(ArticleReadError) as info:
        read_article_file(path)
    assert info.value.reason == "permission denied"


def test_unlistable_folder_when_root(tmp_path, monkeypatch):
    root = _tree(tmp_path)
    real_scandir = os.scandir

    def scandir(path):
        if Path(path) == root / "b":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(iter_article_paths([root]))
    assert found[0] == root / "a.txt"
    assert isinstance(found[1], ArticleReadError)
    assert found[1].reason == "cannot open the folder: permission denied"
    assert len(found) == 2


def test_a_few_control_codes_do_not_make_an_article_binary(tmp_path):
    text = " date 2024-01 Tiêu đề\n\nĐoạn \x1b[31mđỏ\x1b[0m chuông\x07 null\x00 hết.\n\nMinh Anh"
    path = tmp_path / "debris.txt"
    path.write_bytes(text.encode("utf-8"))
    article = read_article_file(path)
    assert "\x1b[31m" in article.body and "\x00" in article.body  # kept; shown safely later


def test_a_permission_error_is_one_reason(tmp_path, monkeypatch):
    # root reads every file, so the refusal is simulated where the OS would raise it
    path = write(tmp_path, "secret.txt", TEXT.encode())

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refused)
    monkeypatch.setattr("builtins.open", refused)
    with pytest.raises(ArticleReadError) as info:
        read_article_file(path)
    assert "permission denied" in info.value.reason.lower()


def _stat_with_size(real_stat, size):
    """os.stat as it was before the file grew: the real result with a smaller size."""

    def fake(path, *args, **kwargs):
        info = real_stat(path, *args, **kwargs)
        values = list(info[:10])
        values[6] = size
        return os.stat_result(values)

    return fake


def test_a_file_that_grew_after_stat_is_read_whole(tmp_path, monkeypatch):
    path = write(tmp_path, "growing.txt", TEXT.encode())
    monkeypatch.setattr("tui_reader.reading.os.stat", _stat_with_size(os.stat, 10))
    assert read_article_file(path).title == TITLE


def test_a_file_that_grew_past_the_limit_after_stat_is_refused(tmp_path, monkeypatch):
    path = write(tmp_path, "growing.txt", TEXT.encode())
    monkeypatch.setattr("tui_reader.reading.os.stat", _stat_with_size(os.stat, 10))
    with pytest.raises(ArticleReadError) as info:
        read_text_file(path, "growing.txt", limit=100)
    assert "too large" in info.value.reason
