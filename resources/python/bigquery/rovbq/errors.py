"""BigQuery's errors: an HTTP status, a reason of BigQuery's own (`error.errors[].reason`) and
words for a person. Every refusal of the service is one of these, so a client always reads
Google's format."""

import json

STATUS = {400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED",
          404: "NOT_FOUND", 409: "ALREADY_EXISTS", 411: "LENGTH_REQUIRED",
          412: "FAILED_PRECONDITION", 413: "OUT_OF_RANGE", 500: "INTERNAL", 503: "UNAVAILABLE"}


class BqError(Exception):
    def __init__(self, status, reason, message, location=None):
        super().__init__(message)
        self.status = status
        self.reason = reason
        self.message = message
        self.location = location

    def as_error_proto(self):
        """The job's `status.errorResult` shape."""
        proto = {"reason": self.reason, "message": self.message}
        if self.location:
            proto["location"] = self.location
        return proto

    def body(self):
        item = {"message": self.message, "domain": "global", "reason": self.reason}
        if self.location:
            item["location"] = self.location
            item["locationType"] = "parameter" if self.location != "query" else "other"
        return json.dumps({"error": {"code": self.status, "message": self.message,
                                     "errors": [item],
                                     "status": STATUS.get(self.status, "UNKNOWN")}}).encode()


def invalid(message, location=None):
    return BqError(400, "invalid", message, location)


def invalid_query(message):
    return BqError(400, "invalidQuery", message, "query")


def not_found(message):
    return BqError(404, "notFound", "Not found: " + message)


def duplicate(message):
    return BqError(409, "duplicate", "Already Exists: " + message)


def denied(message):
    return BqError(403, "accessDenied", message)


def from_job_error(proto):
    """A failed job's errorResult as the error that getQueryResults and jobs.query answer."""
    status = {"notFound": 404, "duplicate": 409, "accessDenied": 403, "backendError": 500,
              "stopped": 400}.get(proto.get("reason"), 400)
    return BqError(status, proto.get("reason", "invalid"), proto.get("message", ""),
                   proto.get("location"))
