"""Sentence spans: split at end punctuation before a capital and at blank lines only."""

from tui_reader.extract.sentences import sentence_spans


def _texts(body: str) -> list[str]:
    return [body[s:e] for s, e in sentence_spans(body)]


def test_splits_at_end_punctuation_before_a_capital_and_at_paragraphs():
    body = 'Ông A nói: "Xong rồi!" Bà B hỏi lại... Đúng vậy?  “Có”.\n\nĐoạn mới ở đây. '
    assert _texts(body) == [
        'Ông A nói: "Xong rồi!"',
        "Bà B hỏi lại...",
        "Đúng vậy?",
        "“Có”.",
        "Đoạn mới ở đây.",
    ]


def test_keeps_abbreviations_numbers_and_lower_case_continuations_inside():
    body = "Tại TP. Hồ Chí Minh, GS. Lê Ngọc Canh nói 1.500 người đến. sau đó về."
    assert _texts(body) == [body]
