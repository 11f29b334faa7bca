"""Test-wide guards: no test touches the user's real Argos packs, library or the network."""
import contextlib
import os
import sys
import tempfile
from pathlib import Path

import pytest


@pytest.fixture(autouse=True, scope="session")
def _isolated_argos_environment():
    """Point Argos at an empty packs dir (and models dir) and an unreachable index for the run.

    Tests that need packs or an index set their own values with monkeypatch; this
    only guarantees that a test which forgets cannot read or change ~/.local.
    """
    keys = ("ARGOS_PACKAGES_DIR", "ARGOS_PACKAGE_INDEX", "NEWS_DIGEST_MODELS_DIR")
    saved = {key: os.environ.get(key) for key in keys}
    with tempfile.TemporaryDirectory(prefix="argos-packs-") as packs_dir, \
            tempfile.TemporaryDirectory(prefix="multilingual-models-") as models_dir:
        os.environ["ARGOS_PACKAGES_DIR"] = packs_dir
        os.environ["NEWS_DIGEST_MODELS_DIR"] = models_dir
        os.environ["ARGOS_PACKAGE_INDEX"] = "http://127.0.0.1:9/"  # a base URL, as Argos reads it
        yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(autouse=True, scope="session")
def _isolated_library_environment():
    """NEWS_DIGEST_DATA set for the whole run, before any fixture of wider scope than a
    test (a module's server) starts: nothing reaches ~/.local/share/news-digest."""
    saved = os.environ.get("NEWS_DIGEST_DATA")
    with tempfile.TemporaryDirectory(prefix="news-digest-data-") as folder:
        os.environ["NEWS_DIGEST_DATA"] = folder
        yield
    if saved is None:
        os.environ.pop("NEWS_DIGEST_DATA", None)
    else:
        os.environ["NEWS_DIGEST_DATA"] = saved


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Each test's own empty data folder for the reader's library (NEWS_DIGEST_DATA).

    Autouse: no test reads or changes ~/.local/share/news-digest, and no test sees the
    articles another one left on the dashboard's desk.
    """
    folder = tmp_path / "news-digest-data"
    monkeypatch.setenv("NEWS_DIGEST_DATA", str(folder))
    return folder


@pytest.fixture
def packs_dir(tmp_path, monkeypatch):
    """A private, empty packs dir (not created yet), with the engine's caches emptied
    before and after, so no test sees another's loaded models or translations."""
    directory = tmp_path / "packs"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(directory))
    with _fresh_engine():
        yield directory


@pytest.fixture
def model_area(tmp_path, monkeypatch):
    """Empty packs and models folders of our own, with the engine's caches emptied before and
    after (the tests of multilingual models start from it)."""
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "packs"))
    monkeypatch.setenv("NEWS_DIGEST_MODELS_DIR", str(tmp_path / "models"))
    with _fresh_engine():
        yield tmp_path


@pytest.fixture(scope="module")
def pack_files(tmp_path_factory) -> dict[str, Path]:
    """Tiny real packs to install, built once per module: en->de 1.0 and 1.1 (another
    model, as a new release has), de->en and en->ru. Installing copies them; none changes."""
    from testkit.tinypack import build_tiny_pack

    where = tmp_path_factory.mktemp("pack-files")
    return {
        "en_de": build_tiny_pack(where, "en", "de"),
        "en_de_1.1": build_tiny_pack(where, "en", "de", version="1.1", seed=1),
        "de_en": build_tiny_pack(where, "de", "en"),
        "en_ru": build_tiny_pack(where, "en", "ru"),
    }


@contextlib.contextmanager
def _fresh_engine():
    """No loaded model and no remembered translation before, nor after."""
    from translator.engine.cache import clear_translation_cache
    from translator.loading import LOADED

    clear_translation_cache()
    LOADED.clear()
    try:
        yield
    finally:
        clear_translation_cache()
        LOADED.clear()


@pytest.fixture(scope="module")
def app_work(tmp_path_factory, request):
    """A browser-test module's folder: its server's packs and library live there."""
    return tmp_path_factory.mktemp(request.module.__name__.rsplit(".", 1)[-1])


@pytest.fixture(scope="module")
def server(app_work):
    """The dashboard served for a browser-test module (testkit.streamlit_server.serve_app)."""
    from testkit.streamlit_server import serve_app

    with serve_app(app_work) as url:
        yield url


@pytest.fixture
def fresh_desk(app_work):
    """Each browser test starts from the empty dashboard a new reader sees."""
    from testkit.streamlit_server import empty_desk

    empty_desk(app_work)


@pytest.fixture(autouse=True)
def _fresh_reading_caches():
    """The dashboard's reading steps are st.cache_resource caches (ui.pipeline): process-wide
    like st.cache_data's, emptied around every test that has imported Streamlit."""
    if "streamlit" in sys.modules:
        sys.modules["streamlit"].cache_resource.clear()
    yield
    if "streamlit" in sys.modules:
        sys.modules["streamlit"].cache_resource.clear()


@pytest.fixture(autouse=True)
def _main_module_restored():
    """AppTest runs its script as `__main__` and leaves it in sys.modules; a later test that
    starts a spawn process pool would then have each worker run that script. Put the test
    runner's own `__main__` back after every test."""
    main = sys.modules.get("__main__")
    yield
    if main is not None:
        sys.modules["__main__"] = main
