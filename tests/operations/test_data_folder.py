"""A Windows data folder on a drive that is gone, or too deep for Windows' paths, is refused
in Vietnamese before anything is created (the same check runs under Wine: tests/windows)."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter_app.domain.errors import CounterError
from counter_app.services.operations.data_folder import WINDOWS_DATA_PATH_LIMIT, check_data_folder


def test_a_removed_drive_is_named_and_nothing_is_created():
    with pytest.raises(CounterError) as refused:
        check_data_folder(Path(r"Q:\Dữ liệu quầy"), windows=True)
    assert "ổ đĩa Q:" in refused.value.message("vi")
    assert "Q:" in refused.value.message("en")


def test_a_path_too_long_for_windows_is_refused(tmp_path: Path):
    deep = tmp_path.joinpath(*["thư mục rất dài"] * 12)
    assert len(str(deep)) > WINDOWS_DATA_PATH_LIMIT
    with pytest.raises(CounterError) as refused:
        check_data_folder(deep, windows=True)
    assert "quá dài" in refused.value.message("vi")
    assert not deep.exists()


def test_an_ordinary_folder_passes(tmp_path: Path):
    check_data_folder(tmp_path / "Nguyễn Văn An", windows=True)
    check_data_folder(tmp_path / ("x" * 300), windows=False)  # Linux has no such limit
