"""``cnnstudio export``: every format from the command line, the format from the file's suffix,
and one clear line with the documented exit status for everything that cannot be exported."""

from __future__ import annotations

import builtins
import importlib.util

import pytest

from cnnstudio.cli import main
from cnnstudio.core import Network, summarize
from cnnstudio.interop.latex import escape, to_latex


def export(*args: str) -> int:
    return main(["export", *args])


@pytest.mark.parametrize(
    ("fmt", "name", "expected"),
    [
        ("pytorch", "lenet5.py", "class LeNet5(nn.Module):"),
        ("train-script", "train.py", "DistributedDataParallel"),
        ("latex", "lenet5.tex", r"\toprule"),
        ("csv", "lenet5.csv", "Layer,Type,Output shape"),
        ("markdown", "lenet5.md", "### LeNet-5"),
    ],
)
def test_each_text_format_is_written(fmt, name, expected, tmp_path, capsys):
    path = tmp_path / name
    assert export("lenet5", "--format", fmt, "-o", str(path)) == 0
    assert expected in path.read_text(encoding="utf-8")
    assert capsys.readouterr().out.startswith(f"wrote {path}")


def test_the_format_follows_the_suffix_and_the_code_imports(tmp_path):
    assert export("resnet20", "-o", str(tmp_path / "resnet20.py")) == 0
    spec = importlib.util.spec_from_file_location("resnet20_code", tmp_path / "resnet20.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert sum(p.numel() for p in module.resnet_20_cifar().parameters()) == 269_722


def test_an_onnx_model_converts_to_code(tmp_path):
    pytest.importorskip("onnx", reason="the onnx extra is not installed")
    assert export("googlenet", "-o", str(tmp_path / "g.onnx"), "--no-weights") == 0
    assert export(str(tmp_path / "g.onnx"), "--format", "pytorch", "-o", str(tmp_path / "g.py")) == 0
    assert "class GoogLeNet(nn.Module):" in (tmp_path / "g.py").read_text()
    assert main(["summary", str(tmp_path / "g.onnx")]) == 0


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["lenet5", "-o", "x.unknown"], 2, "cannot tell the format from 'x.unknown'"),
        (["nonet", "-o", "x.py"], 2, "'nonet' is neither a preset"),
        (["conv1x1", "--format", "train-script", "-o", "t.py"], 1, "1x1 convolution cannot be trained"),
        (["lenet5", "--input", "3,2,2", "-o", "x.py"], 1, "LeNet-5 has errors to fix first"),
        (["lenet5", "-o", "missing-folder/x.py"], 2, "cannot write missing-folder/x.py"),
        (["broken.onnx", "-o", "x.py"], 2, "cannot open 'broken.onnx': it is not an ONNX model"),
        (["broken.pt", "-o", "x.onnx"], 2, "broken.pt is not a PyTorch checkpoint"),
    ],
)
def test_what_cannot_be_exported_says_why_in_one_line(args, status, message, tmp_path, monkeypatch, capsys):
    pytest.importorskip("onnx", reason="the onnx extra is not installed")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "broken.onnx").write_bytes(b"\x08\x07garbage")
    (tmp_path / "broken.pt").write_bytes(b"not a zip")
    assert export(*args) == status
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1, err


def test_without_the_onnx_package_one_line_says_what_to_install(tmp_path, monkeypatch, capsys):
    real_import = builtins.__import__

    def no_onnx(name, *args, **kwargs):
        if name == "onnx" or name.startswith("onnx."):
            raise ImportError("No module named 'onnx'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_onnx)
    assert export("lenet5", "-o", str(tmp_path / "x.onnx")) == 2
    assert main(["summary", str(tmp_path / "x.onnx")]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "cnnstudio export: ONNX support needs the onnx package: pip install 'cnnstudio[onnx]'"
    assert lines[1].endswith("ONNX support needs the onnx package: pip install 'cnnstudio[onnx]'")
    assert not (tmp_path / "x.onnx").exists()


def test_latex_escapes_names_and_marks_inner_layers():
    net = Network("R&D_net 100%")
    x = net.add_node("input", {"channels": 3, "height": 8, "width": 8}, "input").id
    net.add_node("residual", {"filters": 3}, "block_#1", [x])
    text = to_latex(summarize(net))
    assert r"\caption{R\&D\_net 100\%: output shapes" in text
    assert r"block\_\#1 & Residual block & 8$\times$8$\times$3" in text
    assert r"\quad conv1 & Conv2d" in text and text.count(r"\midrule") == 2
    assert escape("a\\b~c^") == r"a\textbackslash{}b\textasciitilde{}c\textasciicircum{}"


def test_the_app_opens_an_onnx_model_as_a_new_unsaved_network(tmp_path):
    pytest.importorskip("onnx", reason="the onnx extra is not installed")
    from cnnstudio.app import open_network

    assert export("resnet20", "-o", str(tmp_path / "r20.onnx"), "--no-weights") == 0
    network, path = open_network(str(tmp_path / "r20.onnx"))
    assert network.name == "ResNet-20 (CIFAR)" and path is None  # Save will ask where
