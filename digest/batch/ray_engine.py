"""`--engine ray`: the same per-article function as Ray tasks, on a local Ray runtime
or an existing cluster (`--ray-address`, started with `ray start --head` or KubeRay).

Translation models are held by one Translator actor per node, so each model is
loaded once per node rather than once per task worker; the article tasks on that
node send their sentences to it. Imported only when this engine is chosen.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from digest.batch.article import (
    BatchSettings,
    Outcome,
    Task,
    WorkerInfo,
    run_task,
    warm_up,
    worker_info,
)
from digest.batch.engines import lost
from digest.errors import JobError

if TYPE_CHECKING:
    from translator.glossary import Glossary

log = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
FORWARDED_VARIABLES = ("ARGOS_PACKAGES_DIR", "ARGOS_INTRA_THREADS")
"""Set for the workers of a local runtime; on a cluster each node has its own."""

TRANSLATOR_PREFIX = "digest-translator-"
"""Actor names: one per node, `digest-translator-<node id>`."""

_warmed = False


class Translator:
    """Ray actor: translates with this node's packs, each model loaded once (translator.loading).

    One model copy serves every task of the node: it runs as many batches at once as the
    node has CPUs (CTranslate2 inter_threads, weights shared), each on one thread, and
    the actor takes that many calls at once (max_concurrency)."""

    def __init__(self) -> None:
        os.environ.setdefault("ARGOS_INTER_THREADS", str(_node_cpus()))
        os.environ.setdefault("ARGOS_INTRA_THREADS", "1")

    def translate(
        self, texts: tuple[str, ...], source: str, target: str, prefer_model: bool = False,
        glossary: Glossary | None = None,
    ) -> tuple[str, ...]:
        from digest.steps import translate

        return translate(tuple(texts), source, target, prefer_model, glossary)

    def node(self) -> str:
        import ray

        return ray.get_runtime_context().get_node_id()

    def info(self) -> WorkerInfo:
        return worker_info()


def _node_cpus() -> int:
    """The CPUs Ray gives this node (its --num-cpus), else the machine's cores."""
    import ray

    node_id = ray.get_runtime_context().get_node_id()
    for node in ray.nodes():
        if node.get("NodeID") == node_id:
            return max(1, int(node.get("Resources", {}).get("CPU", 0)) or os.cpu_count() or 1)
    return os.cpu_count() or 1


def article_task(task: Task, settings: BatchSettings, translators: dict[str, Any]) -> Outcome:
    """Ray task: one article, translated through this node's Translator actor."""
    global _warmed
    import ray

    if not _warmed:
        warm_up()
        _warmed = True
    actor = translators.get(ray.get_runtime_context().get_node_id())
    translate = None
    if actor is not None:
        def translate(
            texts: tuple[str, ...], source: str, target: str, prefer_model: bool = False,
            glossary: Glossary | None = None,
        ) -> tuple[str, ...]:
            remote = actor.translate.remote(tuple(texts), source, target, prefer_model, glossary)
            return tuple(ray.get(remote))
    return run_task(task, settings, translate)


def _quiet_ray() -> None:
    """No usage statistics sent home; this must be set before Ray is imported."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")


def start_local_runtime(cpus: int) -> None:
    """A private Ray runtime on this machine: no dashboard, no usage statistics, and
    workers that find the project and the driver's packs dir."""
    _quiet_ray()
    import ray

    env = {name: os.environ[name] for name in FORWARDED_VARIABLES if name in os.environ}
    env["PYTHONPATH"] = os.pathsep.join(
        part for part in (str(PROJECT_ROOT), os.environ.get("PYTHONPATH")) if part
    )
    env["RAY_USAGE_STATS_ENABLED"] = "0"
    ray.init(
        address="local",  # a new runtime, never a cluster `ray start` left on this machine
        num_cpus=cpus,
        include_dashboard=False,
        runtime_env={"env_vars": env},
        logging_level=logging.ERROR,  # not the notice that a local runtime uses a token
        log_to_driver=False,
    )


def _check_reachable(address: str) -> None:
    """Fail at once on HOST:PORT with nothing listening (Ray itself retries for minutes)."""
    import socket

    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        return  # "auto", or a form Ray resolves itself
    try:
        socket.create_connection((host, int(port)), timeout=5).close()
    except OSError as error:
        raise JobError(
            f"--ray-address {address}: nothing answers there ({error.strerror or error}); "
            "is the cluster running (`ray start --head`)?"
        ) from None


class RayEngine:
    """Tasks on Ray; `workers` CPUs for a local runtime, the cluster's CPUs otherwise."""

    def __init__(self, settings: BatchSettings, workers: int, address: str | None = None) -> None:
        self.settings = settings
        self.workers = max(1, workers)
        self.address = address
        self._refs: dict[Any, Task] = {}
        self.translators: dict[str, Any] = {}
        self.helpers: list[WorkerInfo] = []
        """Processes besides the task workers (the Translator actors), for the report."""
        self._started_here = False
        self._guard = None
        """digest.batch.ray_guard: ends the local runtime if this driver is killed."""

    def _init(self) -> None:
        _quiet_ray()
        import ray

        if self.address:
            _check_reachable(self.address)
        if ray.is_initialized():
            return  # a runtime the caller started (and will stop)
        if self.address:
            try:
                ray.init(address=self.address, logging_level=logging.WARNING, log_to_driver=False)
            except (ConnectionError, RuntimeError, ValueError) as error:
                log.exception("batch: connecting to Ray at %s failed", self.address)
                raise JobError(
                    f"--ray-address {self.address}: cannot connect to the Ray cluster ({error}). "
                    "Is it running, and does this machine have its token "
                    "(RAY_AUTH_MODE=token, RAY_AUTH_TOKEN)? See docs/batch.md."
                ) from None
        else:
            start_local_runtime(self.workers)
            from digest.batch.ray_guard import start_guard

            self._guard = start_guard(ray.get_runtime_context().get_node_id())
        self._started_here = True

    def _translators(self) -> dict[str, Any]:
        """One Translator actor on each live node (none when nothing is translated)."""
        import ray
        from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

        if not self.settings.translate_to:
            return {}
        actors = {}
        for node in ray.nodes():
            if not node.get("Alive"):
                continue
            node_id = node["NodeID"]
            cpus = max(1, int(node.get("Resources", {}).get("CPU", 1)))
            actor_class = ray.remote(num_cpus=0, max_concurrency=cpus)(Translator)
            actors[node_id] = actor_class.options(
                name=f"{TRANSLATOR_PREFIX}{node_id}",
                scheduling_strategy=NodeAffinitySchedulingStrategy(node_id, soft=False)
            ).remote()
        ray.get([actor.node.remote() for actor in actors.values()])
        self.translators = actors
        return actors

    def __enter__(self) -> RayEngine:
        import ray

        self._init()
        if self.address:
            self.workers = max(1, int(ray.cluster_resources().get("CPU", 1)))
        self._task = ray.remote(num_cpus=1, max_retries=2)(article_task)
        self._translators_ref = ray.put(self._translators())
        return self

    def __exit__(self, *exc: object) -> None:
        import ray

        try:
            self.helpers = ray.get([actor.info.remote() for actor in self.translators.values()],
                                   timeout=30)
        except Exception:  # noqa: BLE001 - only bench/ reads the actors' memory
            log.warning("batch: the translator actors did not report their memory")
        for actor in self.translators.values():
            ray.kill(actor)
        self.translators = {}
        if self._started_here:
            ray.shutdown()
        if self._guard is not None:
            self._guard.kill()
            self._guard.wait()
            self._guard = None

    def submit(self, task: Task) -> None:
        ref = self._task.remote(task, self.settings, self._translators_ref)
        self._refs[ref] = task

    def pending(self) -> int:
        return len(self._refs)

    def _collect(self, refs: list[Any], stopping: bool = False) -> list[Outcome]:
        """Finished tasks' outcomes; while stopping, a task that failed was interrupted
        (Ctrl-C reaches Ray's workers too) and is left for the next run, not an error row."""
        import ray
        from ray.exceptions import RayError, TaskCancelledError

        outcomes = []
        for ref in refs:
            task = self._refs.pop(ref)
            try:
                outcomes.append(ray.get(ref))
            except TaskCancelledError:
                continue
            except RayError as error:
                if stopping:
                    continue
                log.warning("batch: Ray lost %r: %s", task.file, error)
                outcomes.append(lost(task, self.settings, error))
        return outcomes

    def wait_any(self) -> list[Outcome]:
        import ray

        refs = list(self._refs)
        ready, _ = ray.wait(refs, num_returns=1)
        more, _ = ray.wait(refs, num_returns=len(refs), timeout=0)
        return self._collect(list({*ready, *more}))

    def stop(self) -> list[Outcome]:
        """Cancel every task; those that finish anyway are kept, the rest are redone next run."""
        import ray

        refs = list(self._refs)
        for ref in refs:
            ray.cancel(ref, force=False, recursive=True)
        ready, _ = ray.wait(refs, num_returns=len(refs), timeout=30) if refs else ([], [])
        outcomes = self._collect(ready, stopping=True)
        self._refs.clear()
        return outcomes
