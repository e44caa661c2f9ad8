"""Settings: saved and read back; a damaged file is reported and ignored, never fatal."""

from tui_reader.config import Settings, load_settings, locale_language, save_settings


def test_round_trip(tmp_path):
    path = tmp_path / "config.toml"
    save_settings(Settings(theme="nord", language="vi", keys={"app.search": "slash,ctrl+f"}), path)
    loaded = load_settings(path)
    assert (loaded.theme, loaded.language, loaded.keys) == (
        "nord",
        "vi",
        {"app.search": "slash,ctrl+f"},
    )
    assert loaded.problem is None


def test_missing_file_gives_defaults(tmp_path):
    loaded = load_settings(tmp_path / "none.toml")
    assert loaded.theme is None and loaded.keys == {} and loaded.problem is None


def test_damaged_file_is_reported_and_ignored(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord\nlanguage = ', encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.theme is None
    assert str(path) in loaded.problem and "TOML" in loaded.problem


def test_language_follows_the_locale(monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    assert locale_language() == "vi"
    assert Settings().effective_language == "vi"
    assert Settings(language="en").effective_language == "en"
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert locale_language() == "en"


def test_hostile_values_are_written_as_valid_toml(tmp_path):
    path = tmp_path / "config.toml"
    save_settings(Settings(theme='x"\n[keys]\n"app.quit" = "a', keys={'a"b': "c\\d"}), path)
    loaded = load_settings(path)
    assert loaded.problem is None
    assert loaded.theme == 'x"\n[keys]\n"app.quit" = "a'
    assert loaded.keys == {'a"b': "c\\d"}
