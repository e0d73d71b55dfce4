"""The `netmap` command line (typer).

Exit codes a cron job can act on: 0 ok / no change, 1 changes found (rescan, diff),
2 usage or config error, 3 scan failed or partial.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

# Only what every command needs is imported here; the records (pydantic) load with the command
# that uses them, so `netmap --help` stays quick.
from netmap.errors import EXIT_CHANGES, EXIT_FAILED, EXIT_OK, EXIT_USAGE, ConfigError, StoreError
from netmap.scope import ScopeError, build_scope
from netmap.vocab import Depth

if TYPE_CHECKING:
    from netmap.config import Profile
    from netmap.model import ResolvedCredential
    from netmap.store import Store

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="netmap: discover a LAN, inventory it and draw it (safely, within the scope you give).",
)
lab_app = typer.Typer(no_args_is_help=True, help="The namespace test lab (root only).")
app.add_typer(lab_app, name="lab")

err = Console(stderr=True, highlight=False)
out = Console(highlight=False)


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    err.print(f"[bold red]netmap:[/] {message}", markup=True, highlight=False, soft_wrap=True)
    return typer.Exit(code)


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=1, default=str) + "\n")


def _store(profile: Profile | None, scans_dir: str | None) -> Store:
    from netmap.store import Store

    return Store(
        scans_dir or os.environ.get("NETMAP_SCANS") or (profile.scans_dir if profile else "scans")
    )


def _profile(path: str | None) -> Profile:
    from netmap.config import Profile, load_profile

    return load_profile(path) if path else Profile()


# ---------------------------------------------------------------------------------------------
# scan
# ---------------------------------------------------------------------------------------------


def _literal_community(community: str | None) -> list[ResolvedCredential]:
    from pydantic import SecretStr

    from netmap.model import ResolvedCredential

    if not community:
        return []
    return [ResolvedCredential(name="cli-community", version="2c", community=SecretStr(community))]


@app.command()
def scan(
    targets: Annotated[
        list[str] | None, typer.Argument(help="CIDR, range, address or host name")
    ] = None,
    profile: Annotated[
        str | None, typer.Option("--profile", "-p", help="TOML scan profile")
    ] = None,
    exclude: Annotated[list[str] | None, typer.Option("--exclude", "-x")] = None,
    depth: Annotated[Depth | None, typer.Option("--depth")] = None,
    rate: Annotated[int | None, typer.Option("--rate", min=1, help="packets per second")] = None,
    community_env: Annotated[
        str | None, typer.Option("--community-env", help="env var holding an SNMP v2c community")
    ] = None,
    allow_public: Annotated[bool, typer.Option("--allow-public")] = False,
    large: Annotated[bool, typer.Option("--large", help="allow more than a /16")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="machine output on stdout")] = False,
    report: Annotated[bool, typer.Option("--report/--no-report")] = True,
    scans_dir: Annotated[str | None, typer.Option("--scans-dir")] = None,
    out_dir: Annotated[str | None, typer.Option("--out")] = None,
) -> None:
    """Scan TARGETs (or the profile's targets) and store the scan in scans/<id>/."""
    from netmap.config import resolve_credentials, resolve_host_credentials
    from netmap.model import ScanRequest, ScanState
    from netmap.scan import ScanJob, previous_credentials, previous_hosts, run_scan

    try:
        prof = _profile(profile)
        creds = resolve_credentials(prof.snmp)
        host_creds = resolve_host_credentials(prof.ssh, prof.winrm)
        if community_env:
            if community_env not in os.environ:
                raise ConfigError(
                    f"--community-env: environment variable {community_env} is not set"
                )
            creds += _literal_community(os.environ[community_env])
        tgts = list(targets or []) or prof.targets
        scope = build_scope(
            tgts,
            list(exclude or []) + prof.exclude,
            allow_public=allow_public or prof.allow_public,
            large=large or prof.large,
        )
    except (ConfigError, ScopeError) as exc:
        raise fail(str(exc)) from None
    request = ScanRequest(
        targets=list(scope.targets),
        exclude=[n.with_prefixlen for n in scope.excluded],
        depth=depth or prof.depth,
        rate=rate or prof.rate,
        snmp_credentials=[c.name for c in creds],
        host_credentials=[c.name for c in host_creds],
        subnets=prof.subnets,
        profile=str(Path(profile).resolve()) if profile else None,
        allow_public=allow_public or prof.allow_public,
        large=large or prof.large,
    )
    store = _store(prof, scans_dir)
    from netmap.pipeline import warm_imports

    warm_imports(render=report)
    try:
        from netmap.discover.nmap import nmap_path

        nmap_path()
        with _progress(enabled=not as_json and sys.stdout.isatty()) as progress:
            job = ScanJob(
                scope=scope,
                request=request,
                credentials=creds,
                snmp=prof.snmp_options,
                preferred_credentials=previous_credentials(store),
                host_credentials=host_creds,
                hosts=prof.host_options,
                previous_hosts=previous_hosts(store),
                progress=progress,
            )
            result = run_scan(store, job)
    except StoreError as exc:
        raise fail(str(exc), EXIT_FAILED) from None
    except Exception as exc:  # nmap missing / failed: one clear line, no traceback
        from netmap.discover.nmap import NmapError

        if isinstance(exc, NmapError | OSError):
            raise fail(str(exc), EXIT_FAILED) from None
        raise
    _after_scan(store, result.scan_id, prof, Path(out_dir or prof.output_dir) if report else None)
    _print_scan_result(store, result.scan_id, as_json)
    if result.state is not ScanState.COMPLETE:
        raise typer.Exit(EXIT_FAILED)


def _after_scan(store: Store, scan_id: str, prof: Profile, out_dir: Path | None) -> None:
    """Infer, and render into OUT/<scan-id>/ unless --no-report (out_dir None). Never rescans."""
    from netmap.pipeline import build_and_store, render_scan

    try:
        inv = build_and_store(store, scan_id, prof)
        if out_dir is not None:
            render_scan(inv, out_dir / scan_id)
    except Exception as exc:  # the scan itself is safe in the store: say what failed
        err.print(f"netmap: scan {scan_id} stored, but building deliverables failed: {exc}")


class _progress:
    """rich progress bars on stderr, one per phase; silent when disabled."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.tasks: dict[str, Any] = {}

    def __enter__(self) -> Any:
        if not self.enabled:
            return lambda *a: None
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(
            TextColumn("[bold]{task.fields[phase]:<9}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.description}"),
            console=err,
        )
        self.bar.__enter__()
        return self.update

    def update(self, phase: str, done: int, total: int, note: str) -> None:
        if phase not in self.tasks:
            self.tasks[phase] = self.bar.add_task(note, total=total or 1, phase=phase)
        kw: dict[str, Any] = {"completed": done if total else 1, "total": total or 1}
        if note:
            kw["description"] = note
        self.bar.update(self.tasks[phase], **kw)

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            self.bar.__exit__(None, None, None)


def _print_scan_result(store: Store, scan_id: str, as_json: bool) -> None:
    from netmap.show import scan_json, summary_table

    data = scan_json(store, scan_id)
    if as_json:
        emit_json(data)
        return
    if sys.stdout.isatty():
        out.print(summary_table(data))
    st = data["status"]
    out.print(f"scan {scan_id}: {st['state']}, {len(data['hosts'])} hosts")


# ---------------------------------------------------------------------------------------------
# scans / show
# ---------------------------------------------------------------------------------------------


@app.command("scans")
def list_scans(
    scans_dir: Annotated[str | None, typer.Option("--scans-dir")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """List stored scans, oldest first."""
    store = _store(None, scans_dir)
    rows: list[dict[str, Any]] = []
    for sid in store.ids():
        problem = store.check(sid)
        if problem is not None:
            rows.append({"id": sid, "state": f"corrupt: {problem}", "error": problem})
            continue
        try:
            st = store.status(sid)
            req = store.read(sid).request
        except StoreError as exc:
            rows.append({"id": sid, "state": f"corrupt: {exc}", "error": str(exc)})
            continue
        rows.append(
            {
                "id": sid,
                "state": st.state.value,
                "started": st.started.isoformat(),
                "targets": req.targets,
                "pending": st.phases_pending,
            }
        )
    if as_json:
        emit_json(rows)
        return
    table = Table("scan", "state", "started", "targets", "pending")
    for r in rows:
        table.add_row(
            r["id"],
            r["state"],
            r.get("started", ""),
            " ".join(r.get("targets", [])),
            ",".join(r.get("pending", [])),
        )
    out.print(table)


@app.command()
def show(
    scan_id: Annotated[str, typer.Argument(help="scan id, unique prefix, or 'latest'")] = "latest",
    scans_dir: Annotated[str | None, typer.Option("--scans-dir")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Print one stored scan (never rescans)."""
    from netmap.show import scan_json, summary_table

    store = _store(None, scans_dir)
    try:
        data = scan_json(store, store.resolve(scan_id))
    except StoreError as exc:
        raise fail(str(exc)) from None
    if as_json:
        emit_json(data)
    else:
        out.print(summary_table(data))


# ---------------------------------------------------------------------------------------------
# report / diff / rescan / schedule
# ---------------------------------------------------------------------------------------------


def _inventory(store: Store, ref: str, prof: Profile | None) -> Any:
    from netmap.pipeline import build_and_store

    sid = store.resolve(ref)
    return store.read_inventory(sid) or build_and_store(store, sid, prof)


@app.command()
def report(
    scan_id: Annotated[str, typer.Argument(help="scan id, unique prefix, or 'latest'")] = "latest",
    out_dir: Annotated[
        str, typer.Option("--out", help="deliverables go to OUT/<scan-id>/")
    ] = "output",
    formats: Annotated[
        str | None,
        typer.Option(
            "--formats", help="comma list: svg,png,pdf,drawio,graphml,vsdx,xlsx,csv,bundle"
        ),
    ] = None,
    redact: Annotated[bool, typer.Option("--redact", help="vendor-safe public version")] = False,
    profile: Annotated[str | None, typer.Option("--profile", "-p")] = None,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="re-run inference (e.g. after editing overrides)")
    ] = False,
    scans_dir: Annotated[str | None, typer.Option("--scans-dir")] = None,
) -> None:
    """Render the diagram, exports, workbook and RFP bundle of a stored scan (never rescans)."""
    from netmap.pipeline import build_and_store, render_scan

    try:
        prof = _profile(profile)
        store = _store(prof, scans_dir)
        sid = store.resolve(scan_id)
        inv = (
            build_and_store(store, sid, prof)
            if rebuild or profile
            else _inventory(store, sid, prof)
        )
        fmts = {f.strip() for f in formats.split(",") if f.strip()} if formats else None
        dest = Path(out_dir) / sid  # a redacted copy goes to its redacted/ subfolder
        paths = render_scan(inv, dest, redact=redact, formats=fmts)
    except (ConfigError, StoreError, ValueError) as exc:
        raise fail(str(exc)) from None
    for p in paths:
        out.print(str(p))


@app.command()
def diff(
    old: Annotated[str, typer.Argument(help="older scan id")],
    new: Annotated[str, typer.Argument(help="newer scan id, or 'latest'")] = "latest",
    as_json: Annotated[bool, typer.Option("--json")] = False,
    scans_dir: Annotated[str | None, typer.Option("--scans-dir")] = None,
) -> None:
    """Typed changes between two stored scans. Exit 1 when there are changes."""
    from netmap.changes import diff as diff_inventories
    from netmap.render.change_report import sentence, to_json

    store = _store(None, scans_dir)
    try:
        a, b = store.resolve(old), store.resolve(new)
        changes = diff_inventories(_inventory(store, a, None), _inventory(store, b, None))
    except StoreError as exc:
        raise fail(str(exc)) from None
    if as_json:
        sys.stdout.write(to_json(changes, {"old": a, "new": b}))
    else:
        for c in changes:
            out.print(cell_text(sentence(c)))
        if not changes:
            out.print("no changes")
    raise typer.Exit(EXIT_CHANGES if changes else EXIT_OK)


def cell_text(text: str) -> Any:
    from netmap.show import cell

    return cell(text)


@app.command()
def rescan(
    profile: Annotated[str, typer.Option("--profile", "-p", help="TOML scan profile")],
) -> None:
    """Cron-safe rescan: scan, diff, re-render output/latest, notify. Exit 0/1/2/3."""
    from netmap.config import load_profile
    from netmap.rescan import rescan as run_rescan, setup_log

    try:
        prof = load_profile(profile)
        setup_log(prof.rescan.log_file)
        result = run_rescan(prof, profile)
    except (ConfigError, ScopeError) as exc:
        raise fail(str(exc)) from None
    except StoreError as exc:
        raise fail(str(exc), EXIT_FAILED) from None
    if sys.stdout.isatty():
        out.print(cell_text(result.message))
    raise typer.Exit(result.code)


@app.command()
def schedule(
    profile: Annotated[str, typer.Option("--profile", "-p")],
    cron: Annotated[str, typer.Option("--cron", help="five cron fields")] = "0 2 * * 1",
    systemd: Annotated[
        str | None, typer.Option("--systemd", help="print a systemd timer with this OnCalendar")
    ] = None,
    install: Annotated[
        bool, typer.Option("--install", help="add the line to root's crontab")
    ] = False,
) -> None:
    """Print (or --install) the crontab line or systemd timer that runs `netmap rescan`."""
    from netmap.config import load_profile
    from netmap.schedule import cron_line, install_cron, systemd_units

    prof_path = Path(profile).resolve()
    try:
        load_profile(prof_path)
        if systemd:
            for name, text in systemd_units(systemd, prof_path, Path.cwd()).items():
                out.print(f"# /etc/systemd/system/{name}\n{text}", markup=False)
            return
        line = cron_line(cron, prof_path, Path.cwd())
    except (ConfigError, ValueError) as exc:
        raise fail(str(exc)) from None
    if install:
        added = install_cron(line, prof_path)
        err.print("installed in root's crontab" if added else "already in root's crontab")
    sys.stdout.write(line + "\n")


# ---------------------------------------------------------------------------------------------
# probe (one SNMP agent)
# ---------------------------------------------------------------------------------------------


@app.command()
def probe(
    host: Annotated[str, typer.Argument(help="agent address or name")],
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 161,
    community: Annotated[
        str | None, typer.Option("--community", help="v1/v2c community (quick checks; never printed)")
    ] = None,
    community_env: Annotated[str | None, typer.Option("--community-env", help="env var")] = None,
    community_file: Annotated[str | None, typer.Option("--community-file", help="0600 file")] = None,
    snmp_version: Annotated[str, typer.Option("--snmp-version", help="1 or 2c")] = "2c",
    v3_user: Annotated[str | None, typer.Option("--v3-user")] = None,
    auth_proto: Annotated[str, typer.Option("--auth-proto", help="md5 sha sha224..sha512")] = "sha",
    auth_key_env: Annotated[str | None, typer.Option("--auth-key-env")] = None,
    auth_key_file: Annotated[str | None, typer.Option("--auth-key-file")] = None,
    priv_proto: Annotated[str, typer.Option("--priv-proto", help="des 3des aes128 aes192 aes256")] = "aes128",
    priv_key_env: Annotated[str | None, typer.Option("--priv-key-env")] = None,
    priv_key_file: Annotated[str | None, typer.Option("--priv-key-file")] = None,
    context: Annotated[str | None, typer.Option("--context", help="SNMPv3 context name")] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=0.05, max=30)] = 2.0,
    retries: Annotated[int, typer.Option("--retries", min=0, max=5)] = 1,
    allow_public: Annotated[bool, typer.Option("--allow-public")] = False,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Ask one SNMP agent everything netmap collects (exit 3 if it does not answer)."""
    import asyncio

    from netmap.discover.snmp import probe as snmp_probe

    opts = snmp_probe.ProbeOptions(
        community=community, community_env=community_env, community_file=community_file,
        version=snmp_version, v3_user=v3_user, auth_proto=auth_proto.lower(),
        auth_key_env=auth_key_env, auth_key_file=auth_key_file, priv_proto=priv_proto.lower(),
        priv_key_env=priv_key_env, priv_key_file=priv_key_file, context=context,
    )
    try:
        scope = build_scope([host], allow_public=allow_public)  # the same guard as `scan`
        if scope.size != 1:
            raise ScopeError(f"probe takes one host, not {host!r}")
        creds = snmp_probe.credentials(opts)
    except (snmp_probe.ProbeError, ScopeError) as exc:
        raise fail(str(exc)) from None
    address = str(scope.networks[0].network_address)
    from netmap.infer.identify.identify import identify_record

    cost: dict[str, float] = {}
    rec = identify_record(
        asyncio.run(snmp_probe.probe(address, creds, port, timeout, retries, cost=cost))
    )
    if as_json:
        emit_json(snmp_probe.report(rec, cost))
    else:
        for line in snmp_probe.summary_lines(rec, cost):
            out.print(line, markup=False, highlight=False, soft_wrap=True)
    if rec.facts is None:
        raise typer.Exit(EXIT_FAILED)


@app.command("probe-host")
def probe_host(
    host: Annotated[str, typer.Argument(help="computer address or name")],
    ssh_user: Annotated[str | None, typer.Option("--ssh-user")] = None,
    key_file: Annotated[str | None, typer.Option("--key-file", help="SSH private key")] = None,
    known_hosts: Annotated[str | None, typer.Option("--known-hosts")] = None,
    trust_on_first_use: Annotated[bool, typer.Option("--trust-on-first-use")] = False,
    ssh_port: Annotated[int, typer.Option("--ssh-port", min=1, max=65535)] = 22,
    sudo: Annotated[bool, typer.Option("--sudo", help="may run sudo -n dmidecode")] = False,
    winrm_user: Annotated[str | None, typer.Option("--winrm-user")] = None,
    transport: Annotated[str, typer.Option("--transport", help="ntlm kerberos credssp")] = "ntlm",
    http: Annotated[bool, typer.Option("--http", help="WinRM over plain HTTP (5985)")] = False,
    allow_unencrypted: Annotated[bool, typer.Option("--allow-unencrypted")] = False,
    no_verify_tls: Annotated[bool, typer.Option("--no-verify-tls")] = False,
    password_env: Annotated[
        str | None, typer.Option("--password-env", help="env var holding the password")
    ] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=1, max=600)] = 30.0,
    allow_public: Annotated[bool, typer.Option("--allow-public")] = False,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Inventory one computer over SSH or WinRM (exit 3 if it cannot be inventoried)."""
    from pydantic import ValidationError

    from netmap.config import resolve_host_credentials
    from netmap.discover.hosts import probe as host_probe
    from netmap.discover.hosts.ssh import Limits
    from netmap.model import SecretRef, SshCredential, WinrmCredential

    try:
        scope = build_scope([host], allow_public=allow_public)  # the same guard as `scan`
        if scope.size != 1:
            raise ScopeError(f"probe-host takes one host, not {host!r}")
        if not (ssh_user or winrm_user):
            raise ConfigError("give --ssh-user or --winrm-user")
        secret = SecretRef(env=password_env) if password_env else None
        ssh = [SshCredential(name="cli-ssh", user=ssh_user, key_file=key_file, password=secret,
                             port=ssh_port, known_hosts=known_hosts,
                             trust_on_first_use=trust_on_first_use, sudo=sudo)] if ssh_user else []
        winrm = [WinrmCredential(name="cli-winrm", user=winrm_user, password=secret or SecretRef(),
                                 transport=transport, https=not http,
                                 allow_unencrypted=allow_unencrypted,
                                 verify_tls=not no_verify_tls)] if winrm_user else []  # fmt: skip
        creds = resolve_host_credentials(ssh, winrm)
    except (ConfigError, ScopeError, ValidationError) as exc:
        raise fail(str(exc).splitlines()[0]) from None
    address = str(scope.networks[0].network_address)
    obs = host_probe.probe_host(address, creds, Limits(timeout=timeout))
    if as_json:
        emit_json(host_probe.report(obs))
    else:
        for line in host_probe.summary_lines(obs):
            out.print(line, markup=False, highlight=False, soft_wrap=True)
    if obs.failure is not None:
        raise typer.Exit(EXIT_FAILED)


# ---------------------------------------------------------------------------------------------
# lab
# ---------------------------------------------------------------------------------------------


_PREFIX_HELP = "namespace prefix (default $NETMAP_LAB_PREFIX, else nmlab)"


@lab_app.command("up")
def lab_up_cmd(
    as_json: Annotated[bool, typer.Option("--json")] = False,
    spec: Annotated[str | None, typer.Option(
        "--spec", help="a packaged layout (cityhall, town16) or a TOML file")] = None,
    prefix: Annotated[str | None, typer.Option("--prefix", help=_PREFIX_HELP)] = None,
) -> None:
    """Bring a lab up (idempotent; the city hall by default) and print its ground truth."""
    import time

    from netmap.lab import LabError, lab_up, load_spec

    t0 = time.monotonic()
    try:
        layout = load_spec(spec)
    except (OSError, ValueError) as exc:
        raise fail(f"lab spec {spec}: {exc}") from None
    try:
        truth = lab_up(layout, prefix)
    except LabError as exc:
        raise fail(str(exc)) from None
    if as_json:
        emit_json(truth.model_dump(mode="json"))
    else:
        err.print(
            f"lab {truth.prefix} up in {time.monotonic() - t0:.1f} s: "
            f"{len(truth.devices)} devices, {len(truth.links)} links; scanner namespace "
            f"{truth.scanner_ns}"
        )


@lab_app.command("down")
def lab_down_cmd(
    prefix: Annotated[str | None, typer.Option("--prefix", help=_PREFIX_HELP)] = None,
) -> None:
    """Tear the lab down (a no-op when nothing is up)."""
    from netmap.lab import LabError, lab_down

    try:
        lab_down(prefix)
    except LabError as exc:
        raise fail(str(exc)) from None


@lab_app.command("status")
def lab_status_cmd(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Is the lab up, and are its daemons alive?"""
    from netmap.lab import LabError, lab_status

    try:
        st = lab_status()
    except LabError as exc:
        raise fail(str(exc)) from None
    if as_json:
        emit_json(st.model_dump(mode="json"))
    else:
        out.print(st)


@app.command()
def demo(
    out_dir: Annotated[str, typer.Option("--out")] = "output",
    scans_dir: Annotated[str, typer.Option("--scans-dir")] = "scans",
) -> None:
    """The built-in default: bring the city-hall lab up, scan it from inside, render output/."""
    from netmap.demo import run_demo
    from netmap.lab import LabError

    try:
        code = run_demo(Path(out_dir), Path(scans_dir))
    except LabError as exc:
        raise fail(str(exc)) from None
    if code == 0:
        err.print(
            f"deliverables: {Path(out_dir) / 'latest'}/ (the lab keeps running: netmap lab down)"
        )
    raise typer.Exit(code)


@lab_app.command("score")
def lab_score_cmd(
    scan_id: Annotated[str, typer.Argument(help="scan id, unique prefix, or 'latest'")] = "latest",
    scans_dir: Annotated[str | None, typer.Option("--scans-dir")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Score a stored scan of the lab against the running lab's ground truth."""
    from netmap.lab import LabError, load_ground_truth
    from netmap.lab.score import format_score, score

    store = _store(None, scans_dir)
    try:
        truth = load_ground_truth()
        result = score(_inventory(store, scan_id, None), truth)
    except (LabError, StoreError) as exc:
        raise fail(str(exc)) from None
    if as_json:
        emit_json(result.model_dump(mode="json"))
    else:
        out.print(format_score(result), markup=False)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("netmap: interrupted")
        sys.exit(EXIT_FAILED)


if __name__ == "__main__":
    main()
