from svodka.clean import clean, clean_line
from svodka.readers import split_title
from svodka import sample_text


def test_repeated_lead_is_dropped_once():
    title, body = split_title(sample_text())
    assert title == "Владимир Путин намерен углубить сотрудничество с США"
    cleaned = clean(body)
    lead = "Владимир Путин доволен уровнем сотрудничества между Россией и США."
    assert cleaned.text.count(lead) == 1
    assert ("repeated paragraph", cleaned.dropped[0][1]) == cleaned.dropped[0]


def test_offsets_map_back_to_raw():
    raw = "Первый  абзац\u00a0текста.\n\n\n  Второй\tабзац.\u200b"
    cleaned = clean(raw)
    assert cleaned.text == "Первый абзац текста.\n\nВторой абзац."
    for i, ch in enumerate(cleaned.text):
        if ch not in " \n":
            assert raw[cleaned.offsets[i]] == ch


def test_single_newlines_are_paragraphs_without_blank_lines():
    cleaned = clean("Строка одна.\nСтрока два.")
    assert cleaned.paragraphs == [(0, 12), (14, 25)]


def test_combining_marks_are_composed():
    assert clean_line("Йошкар-Ола") == "Йошкар-Ола"
    assert clean_line("И\u0306ошкар-Ола") == "Йошкар-Ола"


def test_boilerplate_is_dropped():
    cleaned = clean("Текст новости о встрече.\n\nЧитайте также: другие новости")
    assert "Читайте" not in cleaned.text


def test_fast_path_equals_the_general_loop(factru_dir, monkeypatch):
    import re

    from svodka import clean as module

    texts = [p.read_text(encoding="utf-8") for p in sorted(factru_dir.glob("*.txt"))[:40]]
    texts += [sample_text(), "Первый  абзац\u00a0текста.\n\n\n  Второй\tабзац.\u200b И\u0306ошкар"]
    fast = [clean(t) for t in texts]
    monkeypatch.setattr(module, "_SPECIAL", re.compile("."))  # every paragraph takes the general loop
    slow = [clean(t) for t in texts]
    for a, b in zip(fast, slow):
        assert (a.text, list(a.offsets), a.paragraphs) == (b.text, list(b.offsets), b.paragraphs)


def test_a_short_line_repeated_in_a_list_is_kept():
    raw = "Календарь\n\n• • Нисипяну — Топалов 0,5:0,5\n\n• • Топалов — Нисипяну 1:0\n\n• • Нисипяну — Топалов 0,5:0,5\n"
    assert clean(raw).text.count("Нисипяну — Топалов") == 2


def test_a_headline_line_over_the_lead_is_a_paragraph_of_its_own():
    from svodka.clean import clean

    c = clean("Глава Малайзии: мы не хотим войны\nМалайзия не хочет конфликта. Так сказал премьер.\n\nВторой абзац.")
    assert [c.text[a:b] for a, b in c.paragraphs] == [
        "Глава Малайзии: мы не хотим войны", "Малайзия не хочет конфликта. Так сказал премьер.", "Второй абзац."]


def test_hard_wrapped_paragraphs_stay_whole():
    from svodka.clean import clean

    c = clean("Встреча прошла в Москве с\nВладимиром Путиным и\nпродлилась два часа.\n\nВторой абзац.")
    assert len(c.paragraphs) == 2
