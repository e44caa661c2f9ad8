"""Awards conferred in the reported event: kind, issuer, presenters, recipients and counts."""

from __future__ import annotations

import bisect
import re

from tui_reader.extract.model import Award, Official
from tui_reader.extract.names import person_name_at, place_at
from tui_reader.extract.officials import fold_key, title_key
from tui_reader.extract.scan import Scan
from tui_reader.extract.sentences import sentence_spans
from tui_reader.extract.titles import organisation_end
from tui_reader.text import key

# Verbs that confer an award in the event (matched on the diacritic-exact key).
_CONFER_RE = re.compile(
    key(
        r"(?<!\w)(?:trao|tặng|truy tặng|phong tặng|đón nhận|nhận|khen thưởng|khen tặng"
        r"|gắn|đeo)(?!\w)"
    )
)
# Words that make an award history or general talk rather than part of the event.
_HISTORY_RE = re.compile(
    key(
        r"(?<!\w)(?:từng|phần thưởng cao quý|trước đó|năm trước|những năm qua|luật thi đua"
        r"|nhiều năm liền|\d+ lần được|nhiều lần được|lần thứ \w+ được|trong suốt|chặng đường"
        r"|hủy bỏ|thu hồi|tước|đề nghị (?:công nhận và )?(?:trao|tặng|khen|xét|truy tặng)"
        r"|trong số nhiều|nhiệm kỳ qua|hàng loạt|quá trình công tác|kháng chiến|nhiều danh hiệu"
        r"|nhiều phần thưởng"
        r"|mà ông được|mà bà được)(?!\w)"
    )
)
# a supposed case ("trường hợp ...", "nếu ...") talks about awards in general
_CASE_RE = re.compile(key(r"(?<!\w)(?:trường hợp|nếu)(?!\w)"))
# a sentence that opens on a past year or a span of years tells the history of the recipient
_PAST_OPENING_RE = re.compile(
    key(r"\W*(?:năm (?:19|20)\d\d\b|từ năm|trước đó|qua \d+ năm\b.*\bđã được)")
)
# words after an award that make the sentence a record of honours
_RECORD_AFTER_RE = re.compile(
    key(r"(?<!\w)(?:phần thưởng cao quý khác|nhiều huân|các huân|huân, huy chương)(?!\w)")
)
_BADGE_YEARS_RE = re.compile(key(r"huy hiệu ((?:\d+ năm, )*\d+ năm(?: và \d+ năm)?) tuổi đảng"))
_CLAUSE_OPENERS = frozenset({"này", "đó", "được", "vừa", "đã", "và", "khi", "thì", "cũng"})
# verbs and auxiliaries between an issuer and the award ("UBND tỉnh đã ký quyết định tặng")
_GIVING_WORDS = frozenset(
    key(w)
    for w in ("tặng", "thưởng", "trao", "khen", "truy", "phong", "quyết", "định", "ký", "kí",
              "có", "đã", "vừa", "được", "sẽ", "cũng", "mới")
)  # fmt: skip
_ORGANISES = [key("tổ"), key("chức")]
_HAND_OVER = key("trao")
_GIVING_VERBS = frozenset(key(w) for w in ("tặng", "thưởng"))
_YEAR_RE = re.compile(r"(?<![\d/.,-])((?:19|20)\d\d)(?![\d])")
# "UBND tỉnh X 02 lần", but not the number of a unit ("Công an quận 5", "Phường 12")
_TRAILING_COUNT_RE = re.compile(
    r"(?<!quận)(?<!phường)(?<!Quận)(?<!Phường)(?<!đội)(?<!Đội)(?<!số)(?<!khu)(?<!Khu)(?<!tổ)(?<!Tổ)"
    r"(?:\s+\d+(?:\s+lần)?)+$"
)
_ISSUER_LOWER_STARTS = frozenset({"tỉnh", "thành", "huyện", "quận", "xã", "phường", "thị"})
_TARGET_WORDS = ("đến năm", "tới năm", "đến", "tới", "giai đoạn", "-", "–", "tầm nhìn")
# a promise, a plan or a condition, not an award given
# ("giải Nhất sẽ nhận Bằng khen của Thủ tướng": what the winners announced receive is news)
_NOT_YET_RE = re.compile(
    key(
        r"(?<!\w)(?:sẽ(?! (?:được )?nhận)|chuẩn bị|hứa|nếu|có thể được|dự kiến|sắp|hy vọng"
        r"|hi vọng|mong muốn|kỳ vọng)(?!\w)"
    )
)
_PROMISED_RE = re.compile(key(r"(?<!\w)sẽ (?:được )?(?:nhận|tặng|trao)(?!\w)"))
_EVENT_RE = re.compile(key(r"(?<!\w)(?:trao|lễ|dịp|vừa|hôm nay|sáng nay|chiều nay)(?!\w)"))
_CONTEST_RE = re.compile(
    key(
        r"(?<!\w)(?:cầu thủ|mùa giải|giải đấu|bàn thắng|phá lưới|thủ môn|cuộc thi|hoa hậu"
        r"|chung kết|vô địch|bình chọn|unesco|di sản|kỷ lục|công viên địa chất)(?!\w)"
    )
)
_MANY_RE = re.compile(key(r"(?<!\w)(?:nhiều|các loại|những)\s*$"))
# numbers in words and the nouns counted, on the diacritic-exact key ("tám" 8, but not "tấm")
_WORD_NUMBERS = {
    key(w): n
    for w, n in (
        ("một", 1), ("hai", 2), ("ba", 3), ("bốn", 4), ("tư", 4), ("năm", 5), ("sáu", 6),
        ("bảy", 7), ("tám", 8), ("chín", 9), ("mười", 10), ("mười một", 11), ("mười hai", 12),
        ("mười lăm", 15), ("hai mươi", 20),
    )
}  # fmt: skip
_NUMBER = r"(\d+(?:[.,]\d{3})*|" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + r")"
_COLLECTIVE = key(
    r"(?:tập thể|đơn vị|đội|chi bộ|cơ quan|tổ chức|đảng bộ|trường|doanh nghiệp|công đoàn)"
)
_INDIVIDUAL = key(
    r"(?:cá nhân|đảng viên|học sinh|sinh viên|người|hội viên|đồng chí|cán bộ|chiến sĩ"
    r"|giáo viên|công dân|diễn viên|vận động viên|gương|vị|tăng ni|phật tử|đoàn viên"
    r"|thanh niên|tài xế|lái xe|công nhân|nông dân|bác sĩ|y bác sĩ|nhà giáo|em)"
)
_COUNT_RE = re.compile(rf"(?<!\w){_NUMBER}\s+({_COLLECTIVE}|{_INDIVIDUAL})(?!\w)")
_COLLECTIVE_RE = re.compile(rf"^{_COLLECTIVE}$")
# a plural word and the kind of recipient right after "cho"/"tặng"
_RECIPIENT_NOUN_RE = re.compile(
    rf"\s+(?:{key('các')}\s+|{key('những')}\s+)?({_COLLECTIVE}|{_INDIVIDUAL})(?!\w)"
)
_OTHERS_RE = re.compile(
    rf"(?<!\w){key('và')}\s+{_NUMBER}\s+{key('(?:người|cá nhân|đồng chí)')}\s+{key('khác')}(?!\w)"
)
_RECEIVING_RE = re.compile(key(r"(?<!\w)(?:được|nhận|đón nhận|vinh dự)(?!\w)"))
_GIVING_RE = re.compile(key(r"(?<!\w)(?:trao|tặng|gắn|đeo)(?!\w)"))
_TO_RE = re.compile(key(r"(?<!\w)(?:cho|tặng)(?!\w)"))
_TO_WORDS = frozenset(key(w) for w in ("cho", "tặng"))
# words between "cho" and a recipient's name
_RECIPIENT_SKIP = frozenset(key(w) for w in ("các", "đồng", "chí", "tập", "thể", "đại", "diện"))
# these two are searched through whole bodies: the lookahead on the first letters up front lets
# the engine pass over other characters at once
_AUTHORISED_RE = re.compile(
    key(
        r"(?=[tủ])(?:(?<!\w)(?:thừa ủy quyền|ủy quyền|thay mặt) của\s+"
        r"|(?<!\w)thừa (?:ủy )?quyền\s+)"
    )
)
# "trao quyết định khen thưởng của Giám đốc Công an tỉnh": whose decision it is
_DECISION_OF_RE = re.compile(key(r"(?=q)(?<!\w)quyết định (?:khen thưởng |tặng thưởng )?của\s+"))
_DECISION_RE = re.compile(key(r"(?<!\w)(?:ký quyết định|kí quyết định|có quyết định)(?!\w)"))
# Words that may follow the head of an award's kind and belong to it (besides capitals).
_KIND_WORDS = frozenset(
    {"hạng", "nhất", "nhì", "ba", "vì", "sự", "nghiệp", "vũ", "trang", "nhân", "dân", "thi",
     "đua", "toàn", "quốc", "tuổi", "năm", "vẻ", "vang", "cơ", "sở", "xuất", "sắc", "ưu", "tú",
     "lao", "động", "hữu", "nghị", "chiến", "công", "quân", "tổ", "thời", "kỳ", "đổi",
     "mới", "và", "phát", "triển", "giáo", "dục", "y", "tế", "văn", "hóa", "hoá", "thể", "thao",
     "anh", "hùng", "mẹ", "nghệ", "thầy", "thuốc", "nhà", "sĩ", "tiên", "tiến", "gia", "đình",
     "vệ", "an", "ninh", "đoàn", "kết", "tộc", "dự", "sáng", "tạo", "dũng", "cảm", "cấp"}
)  # fmt: skip
_KIND_WORDS = frozenset(key(w) for w in _KIND_WORDS)
_KIND_STOPS = frozenset(
    {"cho", "của", "tặng", "trao", "và", "do", "vì", "đã", "được", "với", "tại", "lần"}
)
_KIND_END_DROP = frozenset({"và", "của", "năm", "thi", "đua", "cấp"})
_EXCELLENT = [key("xuất"), key("sắc")]
_QUOTE_PAIRS = {"“": "”", '"': '"', "«": "»"}


def find_awards(sc: Scan, officials: list[Official]) -> list[Award]:
    """The awards conferred in the body's sentences, one per (kind, issuer)."""
    if not sc.awards:
        return []
    doc = sc.doc
    sentences = sentence_spans(doc.body)
    latest: int | None = None  # the article's latest year, read when a sentence names a year
    starts = [s for s, _ in sentences]
    found: list[Award] = []
    previous: tuple[int, list[str | None]] | None = None  # (end token, issuers) of the last kind
    covered = 0  # token after the last kind read: a head inside it is part of that kind
    authorised: list[tuple[int, str]] | None = None  # read only when an issuer is missing
    for h in sorted(sc.awards):
        if h < covered:
            continue
        tok = doc.tokens[h]
        idx = bisect.bisect_right(starts, tok.start) - 1
        if idx < 0:
            continue
        s_start, s_end = sentences[idx]
        if not _CONFER_RE.search(doc.key, s_start, s_end):
            continue
        before = doc.key[s_start : tok.start]
        if _HISTORY_RE.search(before) or _MANY_RE.search(before) or _NOT_YET_RE.search(before):
            continue
        if _CASE_RE.search(before) or doc.body[s_start:s_end].rstrip(' "”’)').endswith("?"):
            continue  # "trường hợp cha mẹ đăng ảnh con nhận Bằng khen": a case or a question
        if _PAST_OPENING_RE.match(before) and not _EVENT_RE.search(doc.key, s_start, s_end):
            continue  # "Năm 2012, công ty được tặng ...", "Qua 20 năm ..., đã được tặng ..."
        if _RECORD_AFTER_RE.search(doc.key, tok.start, s_end):
            continue  # "đã được tặng Huy hiệu 50 năm tuổi Đảng, nhiều huân, huy chương ..."
        if _honours_record(sc, s_start, s_end):
            continue
        sentence = doc.body[s_start:s_end]
        if latest is None and _YEAR_RE.search(sentence):
            latest = _latest_year(doc.body)
        if latest is not None and _only_past_years(sentence, latest):
            continue  # "được tặng bằng khen ... năm 2014" in an article of later events
        if _inside_place(sc, h):
            continue  # "CLB Cao Bằng khen thưởng 8 VĐV": a province, then a verb
        kinds, kind_end = _kinds(sc, h)
        if not kinds:
            continue
        covered = kind_end
        if _contest_medal(kinds[0]):
            continue  # "huy chương vàng" of a tournament; State medals have a name
        if kinds[0].lower().startswith("danh hiệu") and _CONTEST_RE.search(doc.key, s_start, s_end):
            continue  # "danh hiệu Vua phá lưới": a title of a contest, not a commendation
        issuers = _issuers(sc, officials, kind_end, s_start, s_end, tok.start)
        if issuers == [None] and previous and _conjoined(sc, previous[0], h):
            issuers = previous[1]  # "tặng Bằng công đức và Kỷ niệm chương": one giver for both
        if issuers == [None]:
            if authorised is None:
                authorised = _authorisations(sc, sentences)
            issuers = [_authorised_before(sc, authorised, s_start)]
        previous = (kind_end, issuers)
        c_start = _clause_start(sc, officials, s_start, h)
        c_end = _clause_end(sc, kind_end, s_end)
        presenters, recipients = _people(sc, officials, c_start, c_end, tok.start)
        for name in _named_recipients(sc, kind_end, _clause_end(sc, kind_end, s_end)):
            _add(recipients, name)
        after = doc.key[doc.tokens[kind_end - 1].end : _clause_end(sc, kind_end, s_end)][:160]
        to = _TO_RE.search(after)  # "... cho 10 tập thể", not "..., 5 cá nhân được nhận X"
        counts = _counts(after[to.start() :] if to else "", doc.key[s_start:s_end])
        if counts == (None, None):
            # "3 tập thể và 7 cá nhân được nhận Giấy khen": the recipients come first
            clause = doc.key[s_start : tok.start]
            clause = clause[clause.rfind(";") + 1 :]
            if _RECEIVING_RE.search(clause):
                counts = _counts(clause, clause, nearest_last=True)
        if counts == (None, None):
            counts = _counted_kind(sc, h, s_end)
        counts = _plus_named(sc, officials, s_start, s_end, counts)
        for kind in kinds:
            for issuer in issuers:
                award = Award(award=kind, issuer=issuer, mentions=[(s_start, s_end)])
                award.presenters, award.recipients = list(presenters), list(recipients)
                award.collectives, award.individuals = counts if len(kinds) == 1 else (None, None)
                found.append(award)
    return _merge(found)


_CONTEST_MEDALS = frozenset({"huy chuong", "huy chuong vang", "huy chuong bac", "huy chuong dong"})


def _contest_medal(kind: str) -> bool:
    return fold_key(kind).lower() in _CONTEST_MEDALS


def _inside_place(sc: Scan, h: int) -> bool:
    """True when the award's first word ends a place name ("Cao Bằng")."""
    return h > 0 and sc.doc.adjacent(h) and (place_at(sc, h - 1) or 0) > h


_AND_COUNT_RE = re.compile(rf"(?<!\w){key('và')}\s+{_NUMBER}\s+{_INDIVIDUAL}(?!\w)")


def _plus_named(
    sc: Scan, officials: list[Official], s_start: int, s_end: int, counts: tuple
) -> tuple[int | None, int | None]:
    """ "Phó Thủ tướng A và 8 đảng viên được tặng ...": the named official is one more person."""
    collectives, individuals = counts
    if individuals is None:
        return counts
    ends = {e for o in officials for _s, e in o.mentions if s_start <= e < s_end}
    for m in _AND_COUNT_RE.finditer(sc.doc.key, s_start, s_end):
        if _number(m.group(1)) != individuals:
            continue
        end = len(sc.doc.body[: m.start()].rstrip())
        if end in ends or _person_ends_at(sc, end):
            return collectives, individuals + 1
    return counts


def _person_ends_at(sc: Scan, offset: int) -> bool:
    """True when a person's full name ends at this body offset ("Lê Văn Tùng và 8 người")."""
    last = sc.doc.by_end.get(offset)
    if last is None:
        return False
    for start in range(last, max(-1, last - 4), -1):
        if not sc.doc.tokens[start].upper:
            return False
        if person_name_at(sc, start, after_title=False) == last + 1:
            return True
    return False


def _conjoined(sc: Scan, prev_end: int, h: int) -> bool:
    """True when the award at token h is joined to the kind that ends at prev_end by "và" or a
    comma, with nothing else between."""
    doc = sc.doc
    if h == prev_end:
        return doc.gap(h) == ", "
    return h == prev_end + 1 and doc.tokens.keys[prev_end] == key("và") and doc.adjacent(h)


def _counted_kind(sc: Scan, h: int, s_end: int) -> tuple[int | None, int | None]:
    """Counts written as a number of awards ("trao 11 Huân chương Độc lập hạng Nhì, 74 ...
    tặng các đồng chí lãnh đạo"): the number counts the recipients that the sentence names as
    people or as units after "cho"/"tặng"."""
    doc = sc.doc
    if h == 0 or not doc.adjacent(h):
        return None, None
    number = _number(doc.tokens.keys[h - 1])
    if number is None:
        return None, None
    rest = doc.key[doc.tokens.ends[h] : s_end]
    for to in _TO_RE.finditer(rest):
        noun = _RECIPIENT_NOUN_RE.match(rest, to.end())
        if noun:
            if _COLLECTIVE_RE.match(noun.group(1)):
                return number, None
            return None, number
    return None, None


def _honours_record(sc: Scan, s_start: int, s_end: int) -> bool:
    """True for a sentence that lists a person's honours ("Ông được Đảng và Nhà nước tặng thưởng
    Huân chương ..., Huân chương ..., Huy hiệu ...") without any word of a ceremony."""
    doc = sc.doc
    starts = doc.tokens.starts
    # every award head inside the sentence (its end may fall after a full stop, not on a word)
    heads = sum(1 for h in sc.awards if s_start <= starts[h] < s_end)
    if heads < 3 or _EVENT_RE.search(doc.key, s_start, s_end) is not None:
        return False
    if _PROMISED_RE.search(doc.key, s_start, s_end):
        return False  # "giải Nhất sẽ nhận bằng khen ..., huy hiệu ...": the prizes, not a record
    # "X tặng bằng khen cho 1 tập thể; Y tặng giấy khen cho 16 cá nhân": awards given, not held
    givings = len(_GIVING_RE.findall(doc.key, s_start, s_end))
    return givings < 2 and _COUNT_RE.search(doc.key, s_start, s_end) is None


def _latest_year(body: str) -> int:
    """The latest year the article reports, leaving out targets and ranges ("đến năm 2020",
    "giai đoạn 2021 - 2030")."""
    latest = 0
    for m in _YEAR_RE.finditer(body):
        before = body[max(0, m.start() - 12) : m.start()].lower()
        if any(word in before for word in _TARGET_WORDS):
            continue
        latest = max(latest, int(m.group(1)))
    return latest


def _only_past_years(sentence: str, latest: int) -> bool:
    """True when the sentence names years and all are older than the article's latest year
    less one (the year before the event is still news: "cờ thi đua năm 2016")."""
    years = [int(y) for y in _YEAR_RE.findall(sentence)]
    return bool(years) and max(years) < latest - 1


def _clause_end(sc: Scan, j: int, s_end: int) -> int:
    """Where the words about one award end: the next award named, a semicolon or the sentence
    end ("tặng 6 cờ thi đua ...; tặng bằng khen cho 197 tập thể")."""
    doc = sc.doc
    for t in range(j, len(doc.tokens)):
        start = doc.tokens.starts[t]
        if start >= s_end:
            break
        if t in sc.awards or ";" in doc.tokens.gaps[t]:
            return start
    return s_end


def _kinds(sc: Scan, h: int) -> tuple[list[str], int]:
    """The award kinds written at token h (several for "Huy hiệu 50 năm, 45 năm và 30 năm tuổi
    Đảng") and the token after them."""
    doc = sc.doc
    m = _BADGE_YEARS_RE.match(doc.key, doc.tokens[h].start)
    if m:
        years = re.findall(r"\d+", m.group(1))
        head = doc.body[m.start() : m.start() + len("huy hiệu")]
        last = doc.by_end.get(m.end())
        if last is not None:
            return [f"{head} {y} năm tuổi Đảng" for y in years], last + 1
    kind, end = _kind(sc, h)
    return ([kind] if kind else []), end


def _kind(sc: Scan, h: int) -> tuple[str | None, int]:
    """The award's kind as written ("Huân chương Lao động hạng Ba") and its end token."""
    doc = sc.doc
    toks = doc.tokens
    end = sc.awards[h]
    head = " ".join(t.key for t in toks[h:end])
    if head in (
        "bằng khen",
        "giấy khen",
        "cờ thi đua",
        "cờ thưởng",
        "bằng công đức",
        "bằng tuyên dương",
        "bằng tuyên dương công đức",
    ):
        if toks.keys[end : end + 2] == _EXCELLENT and doc.adjacent(end) and doc.adjacent(end + 1):
            end += 2  # "Cờ thi đua xuất sắc của UBND tỉnh"
        return doc.text(h, end), end
    if head in _QUOTED_HEADS and end < len(toks):
        quoted = _quoted_kind(sc, h, end)
        if quoted:
            return quoted
    if head == "danh hiệu":
        if end >= len(toks):
            return None, end
        gap = doc.gap(end)
        quote = gap.strip()[-1:] if gap.strip() else ""
        if quote in _QUOTE_PAIRS:
            close = doc.body.find(_QUOTE_PAIRS[quote], toks[end].start)
            if 0 < close - toks[end].start < 80:
                stop = doc.by_end.get(close)
                j = stop + 1 if stop is not None else end + 1
                return doc.body[toks[h].start : close + 1], j
        if not toks[end].upper:
            return None, end
        if end in sc.awards:  # "danh hiệu Chiến sĩ thi đua toàn quốc"
            inner, inner_end = _kind(sc, end)
            if inner:
                return f"{doc.text(h, end)} {inner}", inner_end
    j = end
    lower_run = 0
    while j < len(toks) and j - end < 12 and doc.adjacent(j):
        t = toks[j]
        if t.key == "năm" and j + 1 < len(toks) and _YEAR_RE.fullmatch(toks.keys[j + 1]):
            break  # "Huân chương Giải phóng hạng Nhất năm 1965": the year is not the kind
        phrase = _kind_phrase(toks.keys, j) if j > end else 0
        if phrase:  # "Đảng bộ trong sạch vững mạnh tiêu biểu" ("trong" is otherwise a stop)
            j += phrase
            lower_run = 0
            continue
        stop_end = sc.stops.get(j)
        if j in sc.awards or stop_end and (stop_end - j > 1 or t.key not in _KIND_WORDS):
            break  # a verb, or a phrase such as "trang trọng" (though "vũ trang" is kind)
        if t.upper:
            if person_name_at(sc, j, after_title=False) is not None:
                break
            lower_run = 0
        elif t.key in _KIND_STOPS:
            break
        elif t.key not in _KIND_WORDS and not t.text.isdigit():
            lower_run += 1
            after_capital = lower_run == 1 and toks[j - 1].upper and j > end
            inside = j > end and _capital_follows(sc, j)  # "Bảo vệ an ninh Tổ quốc"
            if (
                lower_run > 3
                or j == end
                or not (after_capital or inside or _has_purpose(toks, end, j))
            ):
                break  # "Huân chương Độc lập", "Kỷ niệm chương Vì sự nghiệp ...", not "... đợt này"
        j += 1
    while j > end and toks[j - 1].key in _KIND_END_DROP and not _ends_class(toks, j):
        j -= 1
    if head == "danh hiệu" and j > end + 1 and toks[j - 1].text.isdigit():
        j -= 1  # "danh hiệu ... tiêu biểu 5 năm liền": a count after the title is not part of it
    if head == "huy hiệu" and j == end:
        return None, end  # a bare "huy hiệu" is only ever a short later mention
    return doc.text(h, j), j


# lower-case phrases that belong to the names of titles of honour
_KIND_PHRASES = tuple(
    tuple(key(w) for w in p.split())
    for p in ("trong sạch vững mạnh", "tiêu biểu", "hoàn thành xuất sắc nhiệm vụ", "văn hóa")
)
_KIND_PHRASE_FIRSTS = frozenset(p[0] for p in _KIND_PHRASES)


def _kind_phrase(keys, j: int) -> int:
    """The length of a phrase of _KIND_PHRASES at token j, else 0."""
    if keys[j] not in _KIND_PHRASE_FIRSTS:
        return 0
    for p in _KIND_PHRASES:
        if tuple(keys[j : j + len(p)]) == p:
            return len(p)
    return 0


# heads whose class is often written in quotes: Kỷ niệm chương “Vì sự nghiệp Quản lý thị trường”
_QUOTED_HEADS = frozenset(
    key(h) for h in ("kỷ niệm chương", "huy chương", "huân chương", "huy hiệu")
)


def _quoted_kind(sc: Scan, h: int, end: int) -> tuple[str, int] | None:
    """The kind with its quoted name right after the head, if so written."""
    doc = sc.doc
    toks = doc.tokens
    gap = doc.gap(end)
    if gap not in (" “", ' "', " «"):
        return None
    close = doc.body.find(_QUOTE_PAIRS[gap[-1]], toks[end].start)
    if not 0 < close - toks[end].start < 80:
        return None
    stop = doc.by_end.get(close)
    if stop is None:
        return None
    return doc.body[toks[h].start : close + 1], stop + 1


def _capital_follows(sc: Scan, j: int) -> bool:
    """True when a capitalised word comes within three plain words after token j."""
    toks = sc.doc.tokens
    for t in range(j + 1, min(len(toks), j + 4)):
        if not sc.doc.adjacent(t) or t in sc.stops or t in sc.awards:
            return False
        if toks[t].upper:
            return True
    return False


def _has_purpose(toks, start: int, j: int) -> bool:
    """True when the kind names a cause ("Vì sự nghiệp ...") before token j: only then do
    ordinary lower-case words belong to it."""
    return any(toks.keys[t] == "vì" for t in range(start, j))


def _ends_class(toks, j: int) -> bool:
    # "hạng Ba": "ba" is the class, not the conjunction
    return j >= 2 and toks[j - 2].key == "hạng"


def _issuers(
    sc: Scan, officials: list[Official], kind_end: int, s_start: int, s_end: int, award_start: int
) -> list[str | None]:
    """Who the award is given in the name of: "của X" after it, "thừa ủy quyền của X", the
    title of who signed the decision, or an organisation or bare title as the subject of "tặng"."""
    doc = sc.doc
    toks = doc.tokens
    j = kind_end
    # "cờ thi đua năm 2016 của tỉnh Nghệ An"
    if j + 1 < len(toks) and toks[j].key == "năm" and toks[j + 1].text.isdigit():
        j += 2
    if j + 1 < len(toks) and toks[j].key == "của" and toks[j].start < s_end and doc.adjacent(j):
        end = organisation_end(sc, j + 1)
        if j + 1 in sc.positions:
            end = max(end, sc.positions[j + 1])
        state_award = _STATE_KIND_RE.match(doc.key, toks.starts[_kind_start(sc, kind_end)])
        holder = " ".join(toks.keys[j + 1 : j + 3])
        if state_award and (
            toks.keys[j + 1] in sc.vocab.institutions or holder in sc.vocab.institutions
        ):
            return [None]  # "đón nhận Huân chương Lao động hạng Ba của Công ty X": its holder
        if end > j + 1:
            text = doc.text(j + 1, end)
            return [_clean_issuer(part) for part in re.split(r"\s+và của\s+|,\s+của\s+", text)]
    if j + 1 < len(toks) and toks[j].key == "do" and toks[j].start < s_end and doc.adjacent(j):
        # "Cờ thi đua do Thủ tướng Nguyễn Xuân Phúc trao tặng"
        first = j + 1
        end = organisation_end(sc, sc.positions.get(first, first + 1))
        if first in sc.positions or toks.keys[first] in sc.vocab.organisation_heads:
            issuer = _clean_issuer(doc.text(first, max(end, sc.positions.get(first, end))))
            if issuer:
                return [issuer]
    m = _AUTHORISED_RE.search(doc.key, s_start, award_start)
    if m:
        first = doc.by_start.get(m.end())
        if first is not None and first in sc.positions:
            end = max(organisation_end(sc, sc.positions[first]), sc.positions[first])
            return [_clean_issuer(doc.text(first, end))]
    mentions = [(s, o) for o in officials for s, _ in o.mentions if s_start <= s < award_start]
    decision = _DECISION_RE.search(doc.key, s_start, award_start)
    if decision and mentions:
        before = [(s, o) for s, o in mentions if s < decision.start()]
        signer = max(before, key=lambda pair: pair[0]) if before else None
        if signer and signer[1].titles:
            return [signer[1].titles[0]]
    verb = doc.by_end.get(award_start - 1)
    # "ông A tặng hoa; UBND tỉnh tặng Bằng khen": a person in an earlier clause is not the subject
    clause = doc.key.rfind(";", s_start, award_start) + 1
    if verb is None or any(s >= clause for s, _o in mentions):
        return [None]
    # walk back over "đã ký quyết định tặng thưởng" (and "tổ chức khen thưởng, tặng") to the subject
    k = verb + 1
    giving = handing = False
    # a capitalised word is a name's ("UBND tỉnh Bình Định tặng"), never "quyết định"
    while (
        k > 0
        and toks.keys[k - 1] in _GIVING_WORDS
        and not toks[k - 1].upper
        and (
            k == verb + 1
            or doc.adjacent(k)
            or doc.gap(k) == ", "
            and toks.keys[k - 1] == key("thưởng")
        )
    ):
        giving = giving or toks.keys[k - 1] in _GIVING_VERBS
        handing = handing or toks.keys[k - 1] == _HAND_OVER
        k -= 1
    if giving and k > 1 and toks.keys[k - 2 : k] == _ORGANISES and doc.adjacent(k):
        k -= 2
    if giving:
        subject = _subject_issuer(sc, k, s_start)
        return [_Subject(subject) if subject else None]
    # "X trao Huân chương": who hands it over is not who gives it, unless a body hands over
    # its own commendation ("Trung ương Đoàn trao Huy hiệu ...")
    if handing and not _STATE_KIND_RE.match(doc.key, award_start):
        subject = _subject_issuer(sc, k, s_start)
        first = doc.by_start.get(toks.ends[k - 1] - len(subject)) if subject else None
        # a body ("UBND tỉnh"), not a post whose holder hands it over ("Thủ tướng")
        # (not one of several: "UBND TP và Hội Khuyến học trao": no single giver)
        if first is not None and first not in sc.positions and toks.keys[first - 1] != key("và"):
            return [_Subject(subject)]
    return [None]


def _authorisations(sc: Scan, sentences: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """Authorities named in sentences that hand over a decision without naming an award
    ("A, được sự ủy quyền của Giám đốc Công an TP, trao quyết định khen thưởng", "trao quyết
    định khen thưởng của Chủ tịch UBND tỉnh"): offset, title."""
    doc = sc.doc
    found = []
    starts = [s for s, _ in sentences]
    marks = sorted(
        [*_AUTHORISED_RE.finditer(doc.key), *_DECISION_OF_RE.finditer(doc.key)],
        key=lambda m: m.start(),
    )
    for m in marks:
        first = doc.by_start.get(m.end())
        if first is None or first not in sc.positions:
            continue
        idx = bisect.bisect_right(starts, m.start()) - 1
        s_start, s_end = sentences[idx] if idx >= 0 else (0, len(doc.key))
        if any(s_start <= doc.tokens.starts[h] < s_end for h in sc.awards):
            continue  # an award named in the sentence takes the issuer there
        if not _CONFER_RE.search(doc.key, s_start, s_end):
            continue
        end = max(organisation_end(sc, sc.positions[first]), sc.positions[first])
        issuer = _clean_issuer(doc.text(first, end))
        if issuer:
            found.append((m.start(), issuer))
    return found


def _authorised_before(sc: Scan, authorised: list[tuple[int, str]], s_start: int) -> str | None:
    """The authority of the nearest earlier decision in the same paragraph, if any."""
    for offset, issuer in reversed(authorised):
        if offset < s_start:
            return None if "\n" in sc.doc.body[offset:s_start] else issuer
    return None


# kinds only the State confers: a company or a school after "của" holds them, not gives them
_STATE_KIND_RE = re.compile(key(r"huân chương|huy chương"))


def _kind_start(sc: Scan, kind_end: int) -> int:
    """The award head whose kind ends at kind_end (the nearest head before it)."""
    return max(h for h in sc.awards if h < kind_end)


def _subject_issuer(sc: Scan, k: int, s_start: int) -> str | None:
    """An organisation or bare title that ends right before token k and starts its clause."""
    doc = sc.doc
    toks = doc.tokens
    for start in range(k - 1, max(-1, k - 14), -1):
        if toks[start].start < s_start:
            break
        clause_start = (
            start == 0
            or toks[start - 1].start < s_start
            or doc.gap(start) != " "
            or (not toks[start - 1].upper and toks[start - 1].key in _CLAUSE_OPENERS)
        )
        if not toks[start].upper or not clause_start:
            continue
        end = organisation_end(sc, start + 1)
        if start in sc.positions:
            end = max(organisation_end(sc, sc.positions[start]), sc.positions[start])
        if toks[start].key not in sc.vocab.organisation_heads and start not in sc.positions:
            continue
        if end == k and person_name_at(sc, start, after_title=False) is None:
            return _clean_issuer(doc.text(start, end))
    return None


def _clean_issuer(text: str) -> str | None:
    """The issuer without edge punctuation or a trailing count ("UBND tỉnh X 02 lần"); None when
    it does not start like a name of an authority."""
    text = _TRAILING_COUNT_RE.sub("", text.strip(" ,;:"))
    if not text or not (text[0].isupper() or key(text.split()[0]) in _ISSUER_LOWER_STARTS):
        return None
    return text


def _clause_start(sc: Scan, officials: list[Official], s_start: int, h: int) -> int:
    """Where the clause of the award at token h starts: after a semicolon that closes an award
    given by someone else ("A trao X cho ...; B trao Y cho ..."), else the sentence start (a
    list of givers split by semicolons, "A, ...; B, ... đã trao", keeps the sentence)."""
    doc = sc.doc
    award_start = doc.tokens.starts[h]
    cut = doc.key.rfind(";", s_start, award_start)
    if cut < 0:
        return s_start
    starts = doc.tokens.starts
    head_before = any(t < h and s_start <= starts[t] < cut for t in sc.awards)
    if not head_before or not _GIVING_RE.search(doc.key, s_start, cut):
        return s_start
    # "...; trao Giấy khen cho ...": a clause without its own subject shares the sentence's
    own_subject = any(cut < s < award_start for o in officials for s, _e in o.mentions)
    return cut + 1 if own_subject else s_start


def _people(sc: Scan, officials: list[Official], s_start: int, s_end: int, award_start: int):
    """Presenters (officials named before the award who give it) and officials who receive it."""
    presenters: list[str] = []
    recipients: list[str] = []
    text = sc.doc.key
    for official in officials:
        for start, end in official.mentions:
            if not s_start <= start < s_end:
                continue
            if start < award_start:
                receiving = _RECEIVING_RE.search(text, end, award_start)
                giving = _GIVING_RE.search(text, end, award_start)
                # "A trao quyết định khen thưởng, B nhận bằng khen": the first verb is A's
                if receiving and not (giving and giving.start() < receiving.start()):
                    _add(recipients, official.name)
                elif giving:
                    _add(presenters, official.name)
            elif _TO_RE.search(text, award_start, start):
                _add(recipients, official.name)
    # who hands an award over does not receive it in the same clause
    return presenters, [r for r in recipients if r not in presenters]


def _named_recipients(sc: Scan, kind_end: int, clause_end: int) -> list[str]:
    """People and organisations named after "cho" or "tặng" in the award's clause: "cho anh
    Lê Văn Tùng", "tặng Công ty CP Licogi 14"."""
    doc = sc.doc
    toks = doc.tokens
    found: list[str] = []
    j = kind_end
    while j < len(toks) and toks.starts[j] < clause_end and toks.keys[j] not in _TO_WORDS:
        j += 1
    j += 1
    while j < len(toks) and toks.starts[j] < clause_end and len(found) < 12:
        skip = sc.honorifics.get(j) or (j + 1 if toks.keys[j] in _RECIPIENT_SKIP else None)
        if skip:
            j = skip
            continue
        end = person_name_at(sc, j, after_title=False)
        if (
            end is None
            and toks[j].upper
            and (
                toks.keys[j] in sc.vocab.organisation_heads
                or toks.keys[j] in sc.vocab.organisations
            )
        ):
            end = organisation_end(sc, j + 1)
        if end is None or end <= j:
            break
        found.append(doc.text(j, end))
        j = end
        if j < len(toks) and (doc.gap(j) in (", ", " và ") or toks.keys[j] == "và"):
            j += 1 if toks.keys[j] == "và" else 0
            continue
        break
    return found


def _add(names: list[str], name: str) -> None:
    if name not in names:
        names.append(name)


def _counts(text: str, sentence: str, nearest_last: bool = False) -> tuple[int | None, int | None]:
    """Collectives and individuals counted in the words about the award ("cho 10 tập thể, 15 cá
    nhân"); None when not written. Words before the award count from the end (the nearest)."""
    collectives = individuals = None
    for m in _COUNT_RE.finditer(text):
        number = _number(m.group(1))
        if number is None:
            continue
        if _COLLECTIVE_RE.match(m.group(2)):
            if collectives is None or nearest_last:
                collectives = number
        elif individuals is None or nearest_last:
            individuals = number
    others = _OTHERS_RE.search(sentence)
    if others and individuals is None:
        n = _number(others.group(1))
        individuals = n + 1 if n is not None else None
    return collectives, individuals


def _number(word: str) -> int | None:
    if word in _WORD_NUMBERS:
        return _WORD_NUMBERS[word]
    digits = re.sub(r"[.,]", "", word)
    return int(digits) if digits.isdigit() else None


def _merge(awards: list[Award]) -> list[Award]:
    """One entry per (kind, issuer): the longer issuer wins; unnamed issuers join a named one."""
    merged: list[Award] = []
    for award in awards:
        target = None
        for other in merged:
            if _same_kind(other.award, award.award) and _same_issuer(other.issuer, award.issuer):
                target = other
                break
        if target is None:
            merged.append(award)
            continue
        if award.issuer and (not target.issuer or len(award.issuer) > len(target.issuer)):
            target.issuer = award.issuer
        if len(award.award) > len(target.award):
            target.award = award.award
        for name in award.presenters:
            _add(target.presenters, name)
        for name in award.recipients:
            _add(target.recipients, name)
        target.collectives = (
            target.collectives if target.collectives is not None else award.collectives
        )
        target.individuals = (
            target.individuals if target.individuals is not None else award.individuals
        )
        target.mentions = sorted(set(target.mentions) | set(award.mentions))
    merged = _specific_kinds(_fold_subject_issuers(merged))
    # an entry without issuer whose kind also has a named issuer is the same award
    named = [a for a in merged if a.issuer]
    kept = [a for a in merged if a.issuer or not any(_same_kind(a.award, b.award) for b in named)]
    # "huy hiệu Đảng" in the lead is the general word for the "Huy hiệu 50 năm tuổi Đảng" below
    return [
        a
        for a in kept
        if a.issuer or not any(b is not a and _more_specific(b.award, a.award) for b in kept)
    ]


class _Subject(str):
    """An issuer read from the subject of "tặng" ("UBND TP quyết định tặng thưởng ..."): weaker
    than one written after the award, into which it folds."""


def _fold_subject_issuers(awards: list[Award]) -> list[Award]:
    """Drop an award whose issuer, read from a subject, is the body whose head another entry of
    the same kind names ("UBND TP" under "Chủ tịch UBND TP Hà Nội"); plain strings after."""
    kept = []
    for award in awards:
        target = None
        if isinstance(award.issuer, _Subject):
            words = set(title_key(award.issuer).split())
            target = next(
                (
                    b
                    for b in awards
                    if b is not award
                    and b.issuer
                    and _same_kind(b.award, award.award)
                    and words < set(title_key(b.issuer).split())
                ),
                None,
            )
        if target is None:
            kept.append(award)
            continue
        for name in award.presenters:
            _add(target.presenters, name)
        for name in award.recipients:
            _add(target.recipients, name)
        if target.collectives is None and target.individuals is None:
            target.collectives, target.individuals = award.collectives, award.individuals
        target.mentions = sorted(set(target.mentions) | set(award.mentions))
    for award in kept:
        award.issuer = str(award.issuer) if award.issuer is not None else None
    return kept


# heads that name no award by themselves: "Lễ trao Huân chương của Chủ tịch nước" in the lead
# stands for the classes listed below it
_BARE_HEADS = frozenset({"huan chuong", "huy chuong"})


def _specific_kinds(awards: list[Award]) -> list[Award]:
    """Drop a bare "Huân chương" when the article names its kinds; those without an issuer take
    the issuer the bare mention was written with."""
    out = []
    for award in awards:
        head = fold_key(award.award).lower()
        if head not in _BARE_HEADS:
            out.append(award)
            continue
        specific = [a for a in awards if fold_key(a.award).lower().startswith(head + " ")]
        if not specific:
            out.append(award)
            continue
        for other in specific:
            if other.issuer is None and award.issuer:
                other.issuer = award.issuer
    return out


def _more_specific(long_: str, short: str) -> bool:
    lw, sw = fold_key(long_).split(), fold_key(short).split()
    return len(lw) > len(sw) and lw[:2] == sw[:2] and set(sw) <= set(lw)


_QUOTES_RE = re.compile(r"[“”\"«»]")


def _same_kind(a: str, b: str) -> bool:
    ka, kb = fold_key(_QUOTES_RE.sub("", a)), fold_key(_QUOTES_RE.sub("", b))
    return ka == kb or ka.startswith(kb + " ") or kb.startswith(ka + " ")


def _same_issuer(a: str | None, b: str | None) -> bool:
    """Equal issuers, or one a shorter form of the other with the same first word."""
    if not a or not b:
        return not a and not b
    ka, kb = title_key(a).split(), title_key(b).split()
    if ka == kb:
        return True
    return ka[0] == kb[0] and (set(ka) <= set(kb) or set(kb) <= set(ka))
