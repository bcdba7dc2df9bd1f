#!/usr/bin/env python3
"""Completes a package-lock.json whose platform-specific optional packages (rollup's native
builds) are missing because the registry mirror only carries the ones for this machine.

`npm ci` refuses a lockfile that omits any optional dependency, even one for another operating
system. Each missing entry gets its os/cpu/libc constraints from its name, so npm ci skips it
here without ever fetching it; the entry for this platform stays exactly as npm wrote it.
Run after `npm install` changes the lockfile: scripts/lock-optional-platforms.py web/package-lock.json
"""
import json
import sys

OS = {"android": "android", "darwin": "darwin", "freebsd": "freebsd", "linux": "linux", "openbsd": "openbsd",
      "openharmony": "openharmony", "win32": "win32"}
CPU = {"arm": "arm", "arm64": "arm64", "x64": "x64", "ia32": "ia32", "loong64": "loong64", "ppc64": "ppc64",
       "riscv64": "riscv64", "s390x": "s390x"}


def constraints(name):
    parts = name.split("/")[-1].split("-")  # rollup-linux-x64-gnu
    os_ = next((OS[p] for p in parts if p in OS), None)
    cpu = next((CPU[p] for p in parts if p in CPU), None)
    entry = {}
    if os_:
        entry["os"] = [os_]
    if cpu:
        entry["cpu"] = [cpu]
    if "musl" in parts or "musleabihf" in parts:
        entry["libc"] = ["musl"]
    elif "gnu" in parts or "gnueabihf" in parts:
        entry["libc"] = ["glibc"]
    return entry


def main(path):
    lock = json.load(open(path))
    packages = lock["packages"]
    added = 0
    for key, meta in list(packages.items()):
        for dep, version in (meta.get("optionalDependencies") or {}).items():
            where = "node_modules/" + dep
            if where in packages or dep == "fsevents" and "node_modules/fsevents" in packages:
                continue
            entry = {"version": version.lstrip("~^"), "dev": meta.get("dev", False), "optional": True}
            entry.update(constraints(dep) if dep != "fsevents" else {"os": ["darwin"]})
            packages[where] = {k: v for k, v in entry.items() if v is not False}
            added += 1
    json.dump(lock, open(path, "w"), indent=2)
    open(path, "a").write("\n")
    print(f"{path}: {added} optional platform entries added")


if __name__ == "__main__":
    main(sys.argv[1])
