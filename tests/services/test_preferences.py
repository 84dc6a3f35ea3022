from __future__ import annotations

from pathlib import Path

from counter_app.services.preferences import StartupPreferences, startup_preferences


def test_preferences_are_read_without_opening_the_store(ws):
    ws.settings.set("ui.language", "en")
    ws.settings.set("ui.font_size", 14)
    ws.settings.set("counter.name", "Bộ phận Một cửa huyện Cao Lộc")
    assert startup_preferences(ws.data_dir) == StartupPreferences(
        "en", 14, "Bộ phận Một cửa huyện Cao Lộc"
    )


def test_nonsense_and_missing_files_give_the_defaults(ws, tmp_path: Path):
    ws.settings.set("ui.language", "fr")
    ws.settings.set("ui.font_size", 99)
    assert startup_preferences(ws.data_dir) == StartupPreferences()
    assert startup_preferences(tmp_path / "nowhere") == StartupPreferences()
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "counter.sqlite3").write_bytes(b"not a database")
    assert startup_preferences(broken) == StartupPreferences()
