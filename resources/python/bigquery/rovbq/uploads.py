"""Uploads of load jobs' data (/upload/bigquery/v2/projects/P/jobs): multipart (the job and its
data in one request) and resumable (a session, then chunks). Each chunk is on disk (fsync)
before it is acknowledged; a finished upload becomes a load job."""

import json
import os
import re
import secrets

from .errors import BqError, invalid, not_found

RANGE = re.compile(r"^bytes (?:(\d+)-(\d+)|\*)/(\d+|\*)$")


def _durable_write(path, data, mode="wb"):
    with open(path, mode) as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def split_multipart(content_type, body):
    """(job JSON, data bytes) of a multipart/related upload."""
    match = re.search(r'boundary="?([^";]+)"?', content_type or "")
    if not match or "multipart" not in (content_type or "").lower():
        raise invalid("A multipart upload needs Content-Type multipart/related with a boundary")
    boundary = b"--" + match.group(1).encode()
    parts = [p for p in body.split(boundary) if p.strip() not in (b"", b"--")]
    if len(parts) < 2:
        raise invalid("A multipart upload has two parts: the job as JSON, then the data")

    def content(part):
        head, _, payload = part.partition(b"\r\n\r\n")
        if not _:
            head, _, payload = part.partition(b"\n\n")
        return payload[:-2] if payload.endswith(b"\r\n") else payload.rstrip(b"\n")

    try:
        job = json.loads(content(parts[0]))
    except ValueError:
        raise invalid("The first part of a multipart upload must be the job as JSON") from None
    return job, content(parts[1])


class Uploads:
    def __init__(self, folder):
        self.folder = folder
        os.makedirs(folder, mode=0o700, exist_ok=True)

    def _paths(self, upload_id):
        if not re.fullmatch(r"[A-Za-z0-9_-]{8,64}", upload_id or ""):
            raise not_found("upload session")
        return (os.path.join(self.folder, upload_id + ".json"),
                os.path.join(self.folder, upload_id + ".part"))

    def store_data(self, data):
        path = os.path.join(self.folder, "multipart-" + secrets.token_hex(12) + ".data")
        _durable_write(path, data)
        return path

    def start(self, project, job, role):
        upload_id = secrets.token_urlsafe(24).replace("-", "_")
        meta, part = self._paths(upload_id)
        _durable_write(part, b"")
        _durable_write(meta, json.dumps({"project": project, "job": job, "role": role}).encode())
        return upload_id

    def put(self, upload_id, content_range, data):
        """('incomplete', bytes stored) or ('complete', session, data path)."""
        meta, part = self._paths(upload_id)
        if not os.path.exists(meta):
            raise not_found(f"upload session {upload_id[:20]}")
        size = os.path.getsize(part)
        match = RANGE.match((content_range or f"bytes 0-{len(data) - 1}/{len(data)}").strip()) \
            if data or content_range else None
        if match is None:
            raise invalid("Content-Range must be \"bytes first-last/total\" or \"bytes */total\"")
        first, last, total = match.groups()
        if first is not None:
            first, last = int(first), int(last)
            if last - first + 1 != len(data):
                raise invalid("Content-Range does not match the length of the chunk")
            if first > size:
                raise BqError(400, "invalid", f"The chunk starts at {first}; the upload holds "
                                              f"{size} bytes")
            if first + len(data) > size:
                with open(part, "r+b") as out:
                    out.seek(first)
                    out.write(data)
                    out.flush()
                    os.fsync(out.fileno())
                size = os.path.getsize(part)
        if total != "*" and size >= int(total):
            with open(meta) as stream:
                session = json.load(stream)
            os.unlink(meta)
            return "complete", session, part
        return "incomplete", size, None
