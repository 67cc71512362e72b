"""The desktop package's files: the PyInstaller spec parses, the menu entry and the AppStream
metadata name the same app and icon, and the icon exists as SVG and in every PNG size.
(packaging/build.sh builds and smoke-tests the bundle itself; it takes minutes, so it is not part
of the default run.)"""

import ast
import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtGui import QImage

PACKAGING = Path(__file__).resolve().parents[1] / "packaging"


def test_the_spec_is_python_and_bundles_what_the_app_reads():
    text = (PACKAGING / "cnnstudio.spec").read_text()
    ast.parse(text)
    # the resources package carries the lessons, the font and the Korean translation...
    assert 'collect_data_files("cnnstudio.resources")' in text
    assert (PACKAGING.parent / "resources" / "translations" / "cnnstudio_ko.qm").is_file()
    assert '"_ko.qm"' in text  # ...and Qt's own Korean (standard dialogs) is kept in the bundle
    assert '"cnnstudio.interop": "pyz+py"' in text  # the exporters read their own source


def test_the_menu_entry_and_the_metainfo_agree():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(PACKAGING / "cnnstudio.desktop")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Exec"].split()[0] == "cnnstudio"
    assert desktop["Icon"] == "cnnstudio" and desktop["Categories"].startswith("Education;")
    root = ET.parse(PACKAGING / "io.github.cnnstudio.CNNStudio.metainfo.xml").getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("launchable") == "cnnstudio.desktop" and root.findtext("name") == desktop["Name"]


def test_the_icon_exists_in_every_size():
    assert ET.parse(PACKAGING / "icons" / "cnnstudio.svg").getroot().get("viewBox") == "0 0 256 256"
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        image = QImage(str(PACKAGING / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "cnnstudio.png"))
        assert (image.width(), image.height()) == (size, size)
