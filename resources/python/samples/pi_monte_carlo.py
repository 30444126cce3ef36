"""Estimates pi by throwing random points at a square, spread over the cluster's CPUs.

Each task throws SAMPLES_PER_TASK points and counts those inside the quarter circle; the driver
adds the counts. More tasks than CPUs keep every worker busy.
"""

import os
import random
import time

import ray

TASKS = int(os.environ.get("PI_TASKS", "16"))
SAMPLES_PER_TASK = int(os.environ.get("PI_SAMPLES_PER_TASK", "200000"))


@ray.remote(num_cpus=1)
def count_inside(samples: int, seed: int) -> int:
    rng = random.Random(seed)
    inside = 0
    for _ in range(samples):
        x, y = rng.random(), rng.random()
        inside += x * x + y * y <= 1.0
    return inside


def main():
    ray.init()
    started = time.time()
    counts = ray.get([count_inside.remote(SAMPLES_PER_TASK, seed) for seed in range(TASKS)])
    total = TASKS * SAMPLES_PER_TASK
    estimate = 4.0 * sum(counts) / total
    print(f"pi is about {estimate:.4f} from {total} points in {time.time() - started:.1f} s "
          f"on {int(ray.cluster_resources().get('CPU', 0))} CPUs")


if __name__ == "__main__":
    main()
