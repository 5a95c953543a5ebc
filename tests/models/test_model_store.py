"""Model store: importing each package layout, listing, default, removal, unsafe and broken packages."""

from __future__ import annotations

import json
import shutil
import zipfile

import pytest
from model_fixtures import tiny_argos_package, tiny_marian_zip, tiny_model_dir  # noqa: F401

from models import paths
from models.errors import ModelError, NoModelError
from models.translation import ModelStore, Translator
from models.translation.tokenization import find_model_files


def _nothing_installed(store: ModelStore) -> bool:
    return store.installed() == [] and [p.name for p in store.root.iterdir() if p.name != ".downloads"] == []


def test_empty_store_says_how_to_get_a_model():
    with pytest.raises(NoModelError, match="models download opus-mt-ara-eng"):
        ModelStore().resolve(None)
    with pytest.raises(NoModelError, match="models download opus-mt-ara-eng"):
        ModelStore().resolve("opus-mt-ara-eng")


@pytest.mark.parametrize("layout", ["folder", "argos", "marian-zip"])
def test_import_each_layout(layout, tiny_model_dir, tiny_argos_package, tiny_marian_zip):  # noqa: F811
    source = {"folder": tiny_model_dir, "argos": tiny_argos_package, "marian-zip": tiny_marian_zip}[layout]
    store = ModelStore()
    model = store.import_path(source)
    assert model.path == paths.models_dir() / model.id
    assert store.default() == model and store.resolve(None) == model.path == store.resolve(model.id)
    files = find_model_files(model.path)
    assert files.layout == ("argos" if layout == "argos" else "opus-mt")
    manifest = json.loads((model.path / "khulasa-model.json").read_text())
    assert manifest["id"] == model.id and manifest["source"] == str(source)
    translation = Translator(model.path, cache=False).translate(["قال الرئيس إن بلاده تملك حق الرد."])[0]
    assert translation.target.strip()
    assert [p.name for p in store.root.iterdir() if p.name.startswith(".staging")] == []


def test_marian_import_matches_direct_conversion(tiny_model_dir, tiny_marian_zip):  # noqa: F811
    installed = ModelStore().import_path(tiny_marian_zip)
    sentence = ["أسفرت الغارات المصرية على مدينة درنة الليبية عن سقوط عشرات."]
    assert (Translator(installed.path, cache=False).translate(sentence)
            == Translator(tiny_model_dir, cache=False).translate(sentence))


def test_list_default_remove(tiny_model_dir, tiny_marian_zip):  # noqa: F811
    store = ModelStore()
    first = store.import_path(tiny_model_dir)
    second = store.import_path(tiny_marian_zip, model_id="second")
    assert [m.id for m in store.installed()] == ["second", "tiny-test-model"]
    assert store.default() == first
    store.set_default("second")
    assert ModelStore().default().id == "second"
    with pytest.raises(ModelError, match="already installed"):
        store.import_path(tiny_model_dir)
    store.remove("second")
    assert not second.path.exists() and store.default() == first
    with pytest.raises(ModelError, match="not installed"):
        store.remove("second")
    with pytest.raises(ModelError, match="not installed"):
        store.set_default("second")


def test_resolve_paths_and_unknown_ids(tmp_path, tiny_model_dir, tiny_argos_package):  # noqa: F811
    store = ModelStore()
    assert store.resolve(str(tiny_model_dir)) == tiny_model_dir
    with pytest.raises(NoModelError, match="models import"):
        store.resolve(str(tiny_argos_package))
    with pytest.raises(NoModelError, match="no such model"):
        store.resolve("no-such-model")
    with pytest.raises(ModelError, match="model.bin"):
        store.resolve(str(tmp_path))


def test_model_dir_override(tmp_path, monkeypatch, tiny_model_dir):  # noqa: F811
    monkeypatch.setenv("KHULASA_MODEL_DIR", str(tmp_path / "elsewhere"))
    model = ModelStore().import_path(tiny_model_dir)
    assert model.path.parent == tmp_path / "elsewhere"


def _zip_with(tmp_path, source_zip, extra_name: str):
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(source_zip) as src, zipfile.ZipFile(bad, "w") as out:
        for info in src.infolist():
            out.writestr(info, src.read(info))
        out.writestr(extra_name, b"owned")
    return bad


@pytest.mark.parametrize("entry", ["../evil.txt", "sub/../../evil.txt", "/tmp/evil.txt"])
def test_archive_escaping_the_folder_is_rejected(tmp_path, tiny_marian_zip, entry):  # noqa: F811
    store = ModelStore()
    bad = _zip_with(tmp_path, tiny_marian_zip, entry)
    with pytest.raises(ModelError, match="unsafe archive entry"):
        store.import_path(bad)
    assert _nothing_installed(store)
    assert not (store.root.parent / "evil.txt").exists() and not (tmp_path / "evil.txt").exists()


def test_symlink_entry_is_rejected(tmp_path, tiny_marian_zip):  # noqa: F811
    bad = tmp_path / "link.zip"
    shutil.copy(tiny_marian_zip, bad)
    with zipfile.ZipFile(bad, "a") as zf:
        info = zipfile.ZipInfo("link")
        info.external_attr = 0o120777 << 16
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(ModelError, match="unsafe"):
        ModelStore().import_path(bad)


def test_package_without_a_model_is_rejected(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "README.md").write_text("nothing here")
    store = ModelStore()
    with pytest.raises(ModelError, match="no translation model found"):
        store.import_path(tmp_path / "pkg")
    not_zip = tmp_path / "model.argosmodel"
    not_zip.write_bytes(b"not a zip")
    with pytest.raises(ModelError, match="not a readable zip"):
        store.import_path(not_zip)
    with pytest.raises(ModelError, match="no such file"):
        store.import_path(tmp_path / "missing.zip")
    assert _nothing_installed(store)


def test_model_failing_its_test_translation_is_not_installed(tmp_path, tiny_model_dir):  # noqa: F811
    broken = tmp_path / "broken"
    shutil.copytree(tiny_model_dir, broken)
    data = (broken / "model.bin").read_bytes()
    (broken / "model.bin").write_bytes(data[: len(data) // 2])
    store = ModelStore()
    with pytest.raises(ModelError):
        store.import_path(broken)
    assert _nothing_installed(store)


def test_marian_config_cannot_point_outside(tmp_path, tiny_marian_zip):  # noqa: F811
    folder = tmp_path / "marian"
    with zipfile.ZipFile(tiny_marian_zip) as zf:
        zf.extractall(folder)
    (folder / "decoder.yml").write_text("models: [../../secret.npz]\nvocabs: [source.vocab.yml]\n")
    with pytest.raises(ModelError, match="unexpected file reference"):
        ModelStore().import_path(folder)


CC_BY_HEADING = "Attribution 4.0 International\n\n" + "=" * 71 + "\n"


def test_imported_packages_state_their_licence(tmp_path, tiny_model_dir, tiny_marian_zip):  # noqa: F811
    folder = tmp_path / "hf-converted"
    shutil.copytree(tiny_model_dir, folder)
    (folder / "README.md").write_text("---\nlanguage:\n- ar\nlicense: cc-by-nc-4.0\n---\n# A model\n",
                                      encoding="utf-8")
    marian = tmp_path / "opus-with-licence.zip"
    shutil.copy(tiny_marian_zip, marian)
    with zipfile.ZipFile(marian, "a") as zf:
        zf.writestr("LICENSE", CC_BY_HEADING + "Creative Commons Corporation ...")
    store = ModelStore()
    nc = store.import_path(folder)
    assert (nc.licence, nc.non_commercial) == ("cc-by-nc-4.0", True)
    cc = store.import_path(marian)
    assert (cc.licence, cc.non_commercial) == ("CC-BY-4.0 (from LICENSE)", False)
    assert store.import_path(tiny_model_dir).licence == ""  # its README states none


def test_package_licence_from_metadata_readme_list_and_parent_folders(tmp_path):
    from models.translation.packages import package_licence

    top = tmp_path / "unpacked"
    model = top / "translate-ar_en" / "model"
    model.mkdir(parents=True)
    assert package_licence(model, top) == ""
    (top / "LICENSE.txt").write_text("MIT License\n\nCopyright (c) 2020 Someone\n", encoding="utf-8")
    assert package_licence(model, top) == "MIT License (from LICENSE.txt)"
    (top / "translate-ar_en" / "README.md").write_text(
        "# Arabic-English\n\n* dataset: opus\n* license: [CC-BY-SA 4.0](https://example.org/by-sa)\n",
        encoding="utf-8")
    assert package_licence(model, top) == "CC-BY-SA 4.0"
    (model / "metadata.json").write_text('{"from_code": "ar", "license": "Apache-2.0"}', encoding="utf-8")
    assert package_licence(model, top) == "Apache-2.0"
    bare = tmp_path / "bare" / "model"
    bare.mkdir(parents=True)
    (tmp_path / "LICENSE").write_text("Attribution-NonCommercial 4.0 International", encoding="utf-8")
    assert package_licence(bare, bare.parent) == ""  # a folder above ``top`` is not the package's
    (bare / "LICENCE").write_text("Attribution-NonCommercial 4.0 International", encoding="utf-8")
    assert package_licence(bare, bare.parent) == "CC-BY-NC-4.0 (from LICENCE)"
