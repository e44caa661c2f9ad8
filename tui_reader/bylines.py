"""Find the byline at the end of an article and the author's name in it.

A byline is either the last paragraph ("Lan Phương (TTXVN)", "Tin, ảnh: THU HƯƠNG") or glued
to the end of the last paragraph after its final sentence ("... sau đó. Quang Hùng"). It is
parsed by a small grammar: person names, press agencies, role words ("CTV", "tổng hợp"),
labels ("Tin, ảnh:"), "Theo"/"Nguồn:" clauses, "/agency" suffixes and "(...)" groups. Anything
that does not fit the grammar is text, never a byline: a wrong cut loses a real sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui_reader.text import fold, key, nfc

# Press agencies, papers and sites that sign articles, as comparison keys. A byline naming
# only these has no author ("Theo VGP", "(Nguồn: TTXVN)", "Theo Dân trí").
PRESS_AGENCIES = frozenset(
    key(name)
    for name in (
        # Vietnamese agencies, papers, broadcasters and sites
        "TTXVN", "VNA", "TTXVN/Vietnam+", "Vietnam+", "VietnamPlus", "Vietnam Plus", "VGP",
        "Cổng TTĐT Chính phủ", "chinhphu.vn", "VOV", "VOV.VN", "VTV", "VTC", "VTC News",
        "HTV", "VnExpress", "VnE", "Vietnamnet", "VNN", "VietNamNet", "Dân trí", "Dân Việt",
        "Tuổi Trẻ", "Tuổi trẻ Online", "Thanh Niên", "Tiền Phong", "Lao Động",
        "Người Lao Động", "NLĐ", "Nhân Dân", "Quân đội nhân dân", "QĐND", "Công an nhân dân",
        "CAND", "CAND Online", "An ninh Thủ đô", "ANTĐ", "Hà Nội Mới", "HNM",
        "Sài Gòn Giải Phóng", "SGGP", "Pháp luật TP.HCM", "PLO", "Pháp luật Việt Nam",
        "Zing", "Zing.vn", "Zing News", "ZingNews", "Znews", "Kenh14", "Kênh 14", "Soha",
        "Infonet", "Tin Tức", "Báo Tin tức", "Thời Đại", "Trí Thức Trẻ", "Gia đình & Xã hội",
        "Giáo dục Việt Nam", "Giáo dục & Thời đại", "Đời sống & Pháp luật", "Kinh tế & Đô thị",
        "Kinh tế Đô thị", "Doanh nghiệp", "VnEconomy", "CafeF", "CafeBiz", "Nông nghiệp Việt Nam",
        "Baomoi", "Báo Mới", "24h", "Ngôi Sao", "iOne", "Tuổi Trẻ Thủ đô", "Thể thao & Văn hóa",
        "Thể thao Văn hóa", "Bnews", "vnanet", "vnanet.vn", "Vietnam News", "VietNam News",
        "Đại Đoàn Kết", "Văn hóa", "Nhà báo & Công luận", "Người Đưa Tin", "Đất Việt",
        "Petrotimes", "Năng lượng Mới", "Sức khỏe & Đời sống", "Thanh tra", "Bảo vệ pháp luật",
        "Biên phòng", "Dân sinh", "Môi trường & Đô thị", "Lao Động Thủ đô", "Người Hà Nội",
        "VietTimes", "Vietq", "ICTnews", "Vietstock", "NDH", "Đầu tư", "Nhịp cầu Đầu tư",
        "Tri Thức", "Thế giới & Việt Nam", "Quốc tế", "Tổ Quốc", "Tầm nhìn", "Eva", "Afamily",
        "Ngoisao.net", "Yan", "Yeah1", "2Sao", "Saostar", "Webthethao", "Bongda.com.vn",
        "Bóng đá", "Thể thao 247", "Thể Thao Việt Nam", "TTVH", "Vietnam Finance",
        "Tạp chí Tài chính",
        "Vneconomy", "Báo Đầu tư", "Hải quan", "Nhân dân điện tử", "Đảng Cộng sản",
        # foreign agencies and papers
        "Reuters", "AFP", "AP", "Bloomberg", "CNN", "CNBC", "BBC", "Xinhua", "Tân Hoa Xã",
        "THX", "Sputnik", "TASS", "RIA Novosti", "RT", "Yonhap", "Kyodo", "NHK", "Guardian",
        "The Guardian", "New York Times", "NYT", "Washington Post", "Wall Street Journal", "WSJ",
        "Daily Mail", "Dailymail", "Mirror", "The Sun", "Telegraph", "Independent", "Newsweek",
        "Time", "Forbes", "Fortune", "The Verge", "PA", "Bangkok Post", "Khmer Times",
        "Straits Times", "SCMP", "Al Jazeera", "Nikkei", "Nikkei Asia", "Fox News", "NBC",
        "ABC", "CBS", "DW", "France 24", "Le Monde", "Sky News", "ESPN", "Goal", "Marca",
        "AS", "Globaltimes", "Global Times", "People's Daily", "China Daily", "Korea Herald",
        "Korea Times", "Japan Times", "Jakarta Post", "Inquirer", "TechCrunch", "Engadget",
        "GSMArena", "PhoneArena", "9to5Mac", "MacRumors", "Wired", "NASA", "Space.com",
        "ScienceAlert", "Live Science", "Gizmodo", "The Next Web", "Business Insider",
        "Insider", "Axios", "Politico", "The Hill", "Kitco", "Kitco News", "Odd",
        "Oddity Central", "Mashable", "Sina", "Sohu", "Weibo", "Tencent", "Asahi", "Mainichi",
        "Chosun", "Rerpoter", "Reporter", "EPA", "Getty", "Getty Images", "GettyImages",
        "Shutterstock", "AAP", "ANI", "PTI", "UPI", "Anadolu", "IRNA", "KCNA", "Bernama",
        "VNExpress International", "Internet", "ST", "Sưu tầm", "NVCC", "Facebook", "Instagram",
        "Twitter", "YouTube", "TikTok", "Wikipedia", "Wiki", "Chụp màn hình", "Ảnh chụp màn hình",
    )
)  # fmt: skip

# Words in front of an agency's own name ("Báo Tin tức và Dân tộc", "Đài PT-TH ...").
_AGENCY_HEADS = (
    "báo ",
    "đài ",
    "tạp chí ",
    "cổng ttđt",
    "cổng thông tin",
    "trung tâm ",
    "truyền hình",
    "thông tấn xã",
    "kênh ",
    "clip ",
    "nhóm pv",
    "nhóm phóng viên",
    "thương vụ ",
    "ban biên tập",
    "pv ",
    "phóng viên ",
)
# Offices that sign next to a reporter's name ("Hải Yến - Phòng Tuyên truyền"), never alone:
# alone they begin sentences ("UBND tỉnh cũng đã có văn bản ...").
_OFFICE_HEADS = ("phòng ", "sở ", "ubnd ", "công an ", "hội ", "liên đoàn ", "cục ", "viện ",
                 "bệnh viện ", "huyện ", "tỉnh ", "xã ", "phường ", "ủy ban ", "uỷ ban ",
                 "văn phòng ", "ban tuyên giáo", "trường thcs", "trường thpt", "trường tiểu học",
                 "trường đại học", "trường mầm non", "trường cao đẳng", "bộ chỉ huy",
                 "đồn biên phòng", "trung tâm ")  # fmt: skip

# Role words that sign without naming anyone ("PV", "CTV", "tổng hợp", "biên dịch").
_ROLES = frozenset(
    key(word)
    for word in ("PV", "P.V", "Nhóm PV", "Nhóm phóng viên", "phóng viên", "CTV", "BTV",
                 "tổng hợp", "T/h", "th", "TH", "biên dịch", "lược dịch", "dịch", "thực hiện",
                 "lược", "Nhóm thực hiện", "Xem thêm", "Xem thêm Video", "Xem thêm clip",
                 "bạn đọc", "BBT", "Ban biên tập")
)  # fmt: skip

# Label words before a colon ("Tin, ảnh:", "Bài và ảnh:", "Dữ liệu: ...; Đồ họa: ...").
_LABEL_WORDS = frozenset(
    fold(word)
    for word in ("tin", "ảnh", "bài", "clip", "video", "phóng", "sự", "và", "dữ", "liệu",
                 "đồ", "họa", "hoạ", "thực", "hiện", "nhóm", "nguồn", "theo", "xem", "thêm",
                 "thiết", "kế", "trình", "bày", "biên", "tập", "dịch", "tổng", "hợp", "ghi",
                 "chép", "phỏng", "vấn", "infographic", "text", "bình", "luận", "phóng viên")
)  # fmt: skip

# Words that begin a sentence about someone, never a pen name ("Ông Nguyễn Văn A").
_NOT_NAME_HEADS = frozenset(
    key(w)
    for w in ("Ông", "Bà", "Chị", "Cháu", "Bé", "Cụ", "Tại", "Theo", "Cũng", "Trong",
              "Sau", "Khi", "Với", "Các", "Những", "Này", "Đó", "Còn", "Nhưng", "Và", "Vì", "Do",
              "Nếu", "Để", "Từ", "Đến", "Về", "Trên", "Dưới", "Ngoài", "Hiện", "Ngày", "Tháng",
              "Năm", "Lúc", "Cả", "Mỗi", "Một", "Hai", "Ba", "Bốn", "Năm", "Là", "Có", "Không")
)  # fmt: skip
# Degrees written before a signing name ("TS. Tôn Sinh Thành").
_DEGREES = re.compile(r"^(?:(?:GS|PGS|TS|ThS|BS|Ths|KS|LS|NSƯT|NSND)\.?\s*)+(?=\S)")
# Abbreviations that look like initials but name no one: places, offices, degrees ("TP", "PGS").
_NOT_INITIALS = frozenset(
    {"tp.hcm", "tphcm", "hcm", "tp", "tp. hcm", "hn", "tp.hn", "ubnd", "hđnd", "mttq", "vn", "ct",
     "tw", "ttg", "qh", "bch", "btv", "bct", "cp", "ls", "fdi", "gdp", "cpi", "usd", "vnd",
     "pgs", "gs", "ts", "ths", "bs", "gvcc", "nsnd", "nsưt", "ks", "cn", "bsck", "tskh"}
)  # fmt: skip

_SYLLABLE_RE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}"
    r"(?:ch|ng|nh|[cmnpt])?$"
)
_INITIALS_RE = re.compile(r"^(?:[A-ZĐ]\.\s?){1,3}[A-ZĐ]?$|^[A-ZĐ]{1,4}$")
_WORD_RE = re.compile(r"^[^\W\d_][^\W\d_'’]*$")


def is_vietnamese_syllable(word: str) -> bool:
    """True when the word could be one Vietnamese syllable ("Nguyễn", "khuya"; not "Reuters")."""
    return bool(_SYLLABLE_RE.match(fold(word)))


def _is_agency(text: str) -> bool:
    name = key(text).strip(" .,:;")
    if not name:
        return False
    if name in PRESS_AGENCIES:
        return True
    if name.startswith(_AGENCY_HEADS):
        # the paper's own name follows, capitalised: "Báo Cà Mau", never "Báo đen khi đó ..."
        words = text.split()
        return (
            len(words) <= 8
            and not re.search(r"[.!?;:]\s", name)
            and (len(words) == 1 or words[1][:1].isupper() or words[1][:1].isdigit()
                 or name.startswith(("nhóm pv", "nhóm phóng viên", "pv ", "phóng viên ", "clip ",
                                     "truyền hình", "thông tấn xã", "cổng")))
        )  # fmt: skip
    # domains (vnanet.vn, VOV.VN) and agency-plus-desk forms (VOV-ĐBSCL, TTXVN/Vietnam+)
    return bool(re.search(r"\.(?:vn|com|net|org)\b", name)) or name.split("-")[0] in PRESS_AGENCIES


def _is_person(text: str, strict: bool, single_ok: bool = False) -> bool:
    """A pen name: capitalised Vietnamese syllables or initials ("B.Vân", "THU HƯƠNG", "T.L")."""
    text = text.strip()
    if not text or key(text) in _NOT_INITIALS or _is_agency(text):
        return False
    words = text.replace(".", ". ").split()
    if not 1 <= len(text.split()) <= 5 or key(words[0]).strip(".") in _NOT_NAME_HEADS:
        return False
    syllables = initials = 0
    for word in words:
        bare = word.rstrip(".")
        if not bare or not bare[0].isupper() or not _WORD_RE.match(bare):
            return False
        if is_vietnamese_syllable(bare) and not (word.endswith(".") and len(bare) == 1):
            syllables += 1
        elif key(bare) in PRESS_AGENCIES or key(bare) in _NOT_INITIALS:
            return False
        elif (
            len(bare) == 1
            or (word.endswith(".") and len(bare) <= 3)
            or (bare.isupper() and len(bare) <= 4 and (not strict or len(words) == 1))
        ):
            initials += 1  # "B.", "H", and when the byline stands alone "TD", "HTQT"
        else:
            return False
    return (
        syllables >= 2
        or (syllables >= 1 and initials >= 1)
        or initials >= 2
        or (initials == 1 and ("." in text or len(text) > 1) and (not strict or text.isupper()))
        or (syllables == 1 and single_ok)
    )


@dataclass
class _Parse:
    persons: list[tuple[int, int]]
    agencies: int = 0
    roles: int = 0
    single_ok: bool = False  # a one-word name ("Hưng - Thủy/VOV.VN") when an agency marks it
    text: str = ""


# A dash with a space on either side separates names; a bare one may be inside a desk ("VH-TT").
_SEPARATORS = re.compile(r"\s*(?:\s[-–—]\s?|[-–—]\s|,|;|_|\s+và\s+|(?<=[^\W\d_]{2})\.\s+)\s*")
# "Theo X" anywhere, "theo X" only where a clause can open, "Nguồn:" with its colon.
_THEO_RE = re.compile(
    r"(?:(?<=\s)|^)Theo\s*:?\s+|(?:(?<=[(,/)\-–]\s)|(?<=[(/])|^)theo\s+|"
    r"(?:(?<=\s)|^)[Nn]guồn\s*:\s*"
)


def _parse_byline(text: str, strict: bool) -> _Parse | None:
    """Persons' spans in ``text`` when all of it is a byline, else None."""
    if not text or len(text) > (90 if strict else 140):
        return None
    last_word = text.split()[-1]
    if re.search(r"[!?…;]$", text) or (
        text.endswith(".") and not last_word.isupper() and not _INITIALS_RE.match(last_word)
    ):
        return None  # a sentence, not a signature
    if re.search(r"[!?\"“”«»]|\d{2,}|https?:", text):
        return None
    marked = "/" in text or "(" in text or bool(_THEO_RE.search(text))
    result = _Parse(persons=[], single_ok=marked, text=text)
    # "(...)" groups: agencies, roles or a "Theo" clause, never sentence text
    for m in re.finditer(r"\(([^()]*)\)", text):
        inner = m.group(1).strip()
        if not inner or len(inner.split()) > 8 or re.search(r"\d", inner):
            return None
        result.agencies += 1
    masked = re.sub(r"\([^()]*\)", lambda m: "," + " " * (len(m.group(0)) - 1), text)
    if "(" in masked or ")" in masked:
        return None
    # "/" ends the names: what follows is the agency and desk ("Lê Thơm/VOV-Trung tâm Tin")
    # "Theo"/"Nguồn:" opens a clause naming a source, agency or person
    pieces: list[tuple[int, int, bool]] = []  # (start, end, in a source clause)
    cursor, context = 0, False
    for m in _THEO_RE.finditer(masked):
        pieces.append((cursor, m.start(), context))
        cursor, context = m.end(), True
    pieces.append((cursor, len(masked), context))
    saw_anything = result.agencies > 0
    for start, end, in_clause in pieces:
        chunk = masked[start:end]
        slash = chunk.find("/")
        names_end = start + (slash if slash >= 0 else len(chunk))
        if slash >= 0:
            tail = chunk[slash + 1 :].strip()
            if tail and len(tail.split()) > 8:
                return None
            result.agencies += 1
            saw_anything = True
        if not _parse_names(masked, start, names_end, in_clause, strict, result):
            return None
        saw_anything = saw_anything or bool(result.persons or result.agencies or result.roles)
    if not saw_anything:
        return None
    return result


def _parse_names(text: str, start: int, end: int, in_clause: bool, strict: bool,
                 result: _Parse) -> bool:  # fmt: skip
    """Classify the comma/dash separated segments of text[start:end]; False on a non-byline one."""
    chunk = text[start:end]
    # labels with a colon, possibly several ("Dữ liệu: X; Đồ họa: Y", "Quốc An - Ảnh: Y")
    for colon in [m.start() for m in re.finditer(":", chunk)]:
        words = list(re.finditer(r"[^\W\d_]+", chunk[:colon]))
        first = len(words)
        while first > 0 and fold(words[first - 1].group(0)) in _LABEL_WORDS:
            first -= 1
        if first == len(words):
            return False
        label_start = words[first].start()
        if first > 0 and not re.search(r"[-–—,;]\s*$", chunk[:label_start]):
            return False  # words before the label that are not split from it: a sentence
        chunk = chunk[:label_start] + " " * (colon + 1 - label_start) + chunk[colon + 1 :]
    position = 0
    desk = False  # after "VOV-", "TTXVN -": the regional desk, not a person ("VOV- Miền Trung")
    for seg in _SEPARATORS.split(chunk):
        seg_start = chunk.find(seg, position) if seg else position
        separator = chunk[position:seg_start]
        position = seg_start + len(seg)
        seg = seg.strip()
        if not seg:
            continue
        lead = len(chunk[seg_start:]) - len(chunk[seg_start:].lstrip())
        offset = start + seg_start + lead
        if desk and re.search(r"[-–]", separator) and len(seg.split()) <= 4:
            result.agencies += 1
        elif not _classify(seg, offset, in_clause, strict, result):
            return False
        last_part = re.split(r"[-–]", seg)[-1].strip()
        desk = last_part.isupper() and key(last_part) in PRESS_AGENCIES
    return True


_WORD_SPAN = re.compile(r"\S+")


def _classify(seg: str, offset: int, in_clause: bool, strict: bool, result: _Parse) -> bool:
    if not seg.strip():
        return False  # nothing left of a part ("CTV " after its role)
    if key(seg).strip(" -–") in _ROLES:
        result.roles += 1
        return True
    if not strict and re.fullmatch(r"(?:GS|PGS|TS|ThS|BS|KS|LS)(?:\.?(?:TS|BS|KH|TSKH))*\.?", seg):
        result.roles += 1  # "TS. Tôn Sinh Thành" split at its period: the degree alone
        return True
    role_tail = re.search(r"\s+(?:thực hiện|ghi|tổng hợp|lược dịch|biên dịch)$", seg)
    if role_tail:  # "LÊ PHONG thực hiện"
        result.roles += 1
        return _classify(seg[: role_tail.start()], offset, in_clause, strict, result)
    role_head = re.match(r"^(?:CTV|PV|BTV|Nhóm PV|NHÓM PV|Nhóm phóng viên|[Tt]ổng hợp)\s+", seg)
    if role_head:  # "CTV Diễm Ý"
        rest = seg[role_head.end() :]
        if _classify(rest, offset + role_head.end(), in_clause, strict, result):
            return True
        if role_head.group(0).lower().startswith("nhóm") and len(rest.split()) <= 6:
            result.roles += 1  # the team's desk: "Nhóm PV kinh tế", "Nhóm PV Ban TPHCM"
            return True
    degree = _DEGREES.match(seg)
    if degree and len(seg) > degree.end():
        return _classify(seg[degree.end() :], offset + degree.end(), in_clause, strict, result)
    if _is_agency(seg) or (in_clause and re.fullmatch(r"[A-ZĐ&]{2,6}", seg)):
        result.agencies += 1  # "Theo GĐVN": an acronym after "Theo" is a paper
        return True
    # initials alone ("CL") after a sentence only when they are the whole byline
    alone = not strict or seg == result.text or result.single_ok
    acronym = re.fullmatch(r"[A-ZĐ]{2,4}", seg) is not None
    if (alone or not acronym) and _is_person(seg, strict, result.single_ok):
        result.persons.append((offset, offset + len(seg)))
        return True
    words = seg.split()
    office = seg[0].isupper() and (
        key(seg).startswith(_OFFICE_HEADS) or re.match(r"[A-ZĐ&]{2,}\b", seg)
    )
    if result.persons and office and len(words) <= 8 and not re.search(r"[.!?;:]\s", seg):
        result.agencies += 1  # the desk after the names: "Minh Thu - TTVH huyện Y"
        return True
    if re.search(r"\w[-–]\w", seg):  # names joined by bare dashes: "Minh Hợp-Phong Hà"
        trial = _Parse(persons=[], single_ok=result.single_ok, text=result.text)
        position = 0
        for part in re.split(r"[-–]", seg):
            start = seg.index(part, position)
            position = start + len(part)
            if not part.strip() or not _classify(part, offset + start, in_clause, strict, trial):
                break
        else:
            result.persons += trial.persons
            result.agencies += trial.agencies
            result.roles += trial.roles
            return True
    # an agency named before or after a name without punctuation ("Reuters B.N", "NHK Tuấn Anh")
    for cut in range(1, len(words)):
        head, rest = " ".join(words[:cut]), " ".join(words[cut:])
        if _is_agency(head) and _is_person(rest, strict):
            result.agencies += 1
            spans = [m.span() for m in _WORD_SPAN.finditer(seg)]  # the words, whatever spaces
            result.persons.append((offset + spans[cut][0], offset + spans[-1][1]))
            return True
        if _is_agency(rest) and _is_person(head, strict):
            result.agencies += 1
            result.persons.append((offset, offset + len(head)))
            return True
    if in_clause and len(words) <= 6 and not re.search(r"[.:;]$", seg):
        # after "Theo": a source that is no pen name (a paper, "Thời đại", "Reuters, Khmer Times")
        lower = [w for w in words if w[:1].islower()]
        if (
            (words[0][:1].isupper() or len(words) == 1)
            and len(lower) <= 3
            and not any(
                key(w) in {"ông", "bà", "anh", "chị", "đồng", "các", "những"} for w in lower
            )
        ):
            result.agencies += 1
            return True
    return False


def _author_from(text: str, persons: list[tuple[int, int]]) -> str | None:
    """The names as written; names split by anything but a plain separator join with " - "."""
    if not persons:
        return None
    out = text[persons[0][0] : persons[0][1]]
    seen = {fold(out)}
    for (_, prev_end), (start, end) in zip(persons, persons[1:], strict=False):
        name = text[start:end]
        if fold(name) in seen:
            continue
        seen.add(fold(name))
        between = text[prev_end:start]
        out += between if re.fullmatch(r"\s*(?:[-–—,;_]|\s và)\s*", between) else " - "
        out += name
    return out


def parse_byline(text: str, strict: bool = False) -> tuple[bool, str | None]:
    """(is a byline, the author's name or None) for one byline text such as "Theo VGP".

    ``strict`` is for text glued after a sentence, where a mistake would cut a real sentence.
    """
    text = nfc(text).strip()
    # "T.ThủyTheo PA/The Verge": a crawler dropped the space before "Theo"
    text = re.sub(r"(?<=[^\W\d_])(?=Theo\s)", " ", text)
    half = len(text) // 2
    twice = len(text) % 2 == 1 and text[:half] == text[half + 1 :] and text[half] == " "
    if twice and (len(text[:half].split()) > 1 or re.search(r"[/(]", text)):
        text = text[:half]  # the whole byline written twice ("Việt Đức/VOV.VN Việt Đức/VOV.VN")
    if not strict and re.fullmatch(r"[^.]*[^\W\d_]{2}\.", text):
        text = text[:-1]  # "Lê Phượng." standing alone: a signature with a stray full stop
    parsed = _parse_byline(text, strict)
    whole_group = re.fullmatch(r"\(([^():/]+)\)", text)  # a bare name, no label or agency
    if parsed is not None and not parsed.persons and whole_group:
        inner = _parse_byline(whole_group.group(1), strict)  # "(HỒNG THẠNH)": a name in brackets
        if inner is not None and inner.persons:
            return True, _author_from(whole_group.group(1), inner.persons)
    if parsed is None:
        return False, None
    return True, _author_from(text, parsed.persons)


def _with_previous_line(
    paragraphs: list[str], byline: str, author: str | None
) -> tuple[list[str], str | None, str | None]:
    """Take in a byline's first line when it spans two ("Lan Phương" / "(Nguồn: TTXVN)",
    "Bài: Hồng Nhung" / "Ảnh: Minh Tuấn"): one names no one, or both carry a label."""
    if len(paragraphs) < 2 or len(paragraphs[-1]) > 80:
        return paragraphs, byline, author
    previous = paragraphs[-1]
    ok, previous_author = parse_byline(previous)
    labelled = ":" in previous[:25] and ":" in byline[:25]
    if not ok or (previous_author and author and not labelled) or not (previous_author or author):
        return paragraphs, byline, author
    names = [n for n in (previous_author, author) if n]
    return paragraphs[:-1], f"{previous} {byline}", " - ".join(dict.fromkeys(names))


# A sentence ends at . ! ? … (possibly "./.", closing quotes or brackets) then a space. Written
# to open with a character class, which the regex engine scans for fast.
_SENTENCE_END = re.compile(r"[.!?…/](?:(?<=/)\.|(?<!/))[\"”’»)\]]*\s+")
_GLUED_WINDOW = 120
# Periods after a degree or a place word end no sentence: "PGS. Lê Anh Tuấn", "TP. Hồ Chí Minh".
_DEGREE_END = re.compile(r"\b(?:PGS|GS|TS|ThS|Th\.S|BS|KS|LS|NSƯT|NSND|Mr|Mrs|Ms|Dr)\.\s+$")
_PLACE_END = re.compile(r"\b(?:TP|Tp|TX|TT)\.\s+$")
_CITIES = frozenset(
    key(c)
    for c in ("Hồ Chí Minh", "HCM", "Hà Nội", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Huế", "Vinh",
              "Nha Trang", "Đà Lạt", "Vũng Tàu", "Biên Hòa", "Thủ Đức", "Quy Nhơn", "Hạ Long",
              "Buôn Ma Thuột", "Pleiku", "Thanh Hóa", "Nam Định", "Thái Nguyên", "Việt Trì",
              "Bắc Ninh", "Long Xuyên", "Rạch Giá", "Cà Mau", "Mỹ Tho", "Bến Tre", "Tây Ninh",
              "Thủ Dầu Một", "Phan Thiết", "Tuy Hòa", "Quảng Ngãi", "Tam Kỳ", "Hội An", "Đông Hà",
              "Đồng Hới", "Hà Tĩnh", "Lào Cai", "Điện Biên Phủ", "Sơn La", "Hòa Bình", "Yên Bái")
)  # fmt: skip


def split_byline(paragraphs: list[str]) -> tuple[list[str], str | None, str | None]:
    """Return (paragraphs without the byline, the byline as written, the author's name)."""
    if not paragraphs:
        return paragraphs, None, None
    last = paragraphs[-1]
    if len(paragraphs) > 1 and len(last) <= 140:
        ok, author = parse_byline(last)
        if ok:
            return _with_previous_line(paragraphs[:-1], last, author)
    # glued to the last sentence: try the longest tail first, it holds the whole byline
    window_start = max(0, len(last) - _GLUED_WINDOW)
    for m in _SENTENCE_END.finditer(last, window_start):
        tail = last[m.end() :]
        # both end in the full stop that opens this sentence end, so the word before it is
        # all they can match: searching from a few characters back finds what a whole search does
        lookback = max(0, m.start() - 8)
        if _DEGREE_END.search(last, lookback, m.end()) or (
            _PLACE_END.search(last, lookback, m.end()) and key(tail.strip(" .")) in _CITIES
        ):
            continue  # "PGS. Lê Anh Tuấn", "TP. Hồ Chí Minh": the period ends no sentence
        if not tail or tail[0].islower() and not tail.startswith(("theo ", "nguồn")):
            continue
        ok, author = parse_byline(tail, strict=True)
        if ok:
            kept = last[: m.end()].rstrip()
            return [*paragraphs[:-1], kept], tail, author
    return _after_unpunctuated_text(paragraphs)


def _names_an_agency(tail: str) -> bool:
    """A known press agency or a signing role after "/", in brackets or after "Theo"."""
    after_slash = re.search(r"/\s*([^/()]+?)\s*$", tail)
    if after_slash and _is_agency(after_slash.group(1)):
        return True
    for inner in re.findall(r"\(([^()]+)\)", tail):
        inner = re.sub(r"^\s*[Nn]guồn\s*:\s*", "", inner)  # not "Ảnh:", which is a caption's
        if _is_agency(inner) or key(inner).strip() in _ROLES:
            return True
    clause = re.search(r"\bTheo\s+(.+)$", tail)
    return clause is not None and _is_agency(clause.group(1))


_NON_SPACE_RE = re.compile(r"\S+")


def _after_unpunctuated_text(
    paragraphs: list[str],
) -> tuple[list[str], str | None, str | None]:
    """A byline right after a caption that has no full stop ("... khống chế kịp thời Mai Vọng -
    Đức Tiến"): taken only with a sure sign of a byline, an agency or two names."""
    last = paragraphs[-1]
    if re.search(r"[.!?…\"”]$", last[-2:]) or "./." in last[-_GLUED_WINDOW:]:
        return paragraphs, None, None
    # only the last nine words are tried: find them in the paragraph's end, where the first
    # word found may be cut short, and in the whole paragraph when the end holds too few
    window_start = max(0, len(last) - 400)
    words = list(_NON_SPACE_RE.finditer(last, window_start))[1 if window_start else 0 :]
    if window_start and len(words) < 9:
        words = list(_NON_SPACE_RE.finditer(last))
    for k in range(max(1, len(words) - 8), len(words)):
        previous = words[k - 1].group(0)
        if not (previous[0].islower() and previous[-1].isalpha()):
            continue
        tail = last[words[k].start() :]
        parsed = _parse_byline(tail, strict=True)
        if parsed is None or not parsed.persons or "Xem thêm" in tail:
            continue
        if any(len(tail[s:e].split()) < 2 for s, e in parsed.persons):
            continue  # "... sau Mỹ (Ảnh: Reuters)": one word is the caption's, not a name
        if _names_an_agency(tail):
            kept = last[: words[k].start()].rstrip()
            return [*paragraphs[:-1], kept], tail, _author_from(tail, parsed.persons)
    return paragraphs, None, None
