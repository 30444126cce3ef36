"""Counts words in parallel: the text is split into shards, each counted by a task on a worker,
and the partial counts are merged on the driver (map and reduce with plain Ray tasks).
"""

import collections
import os

import ray

SHARDS = int(os.environ.get("WORD_COUNT_SHARDS", "8"))
TEXT = """Ray is an open source framework to scale Python applications.
A Ray cluster has a head node and worker nodes; tasks run on the workers.
Vertex AI runs Ray clusters that stay up until they are deleted.
""" * 2000


@ray.remote(num_cpus=1)
def count_words(lines):
    counts = collections.Counter()
    for line in lines:
        counts.update(word.strip(".,;").lower() for word in line.split())
    return counts


def main():
    ray.init()
    lines = TEXT.splitlines()
    shards = [lines[i::SHARDS] for i in range(SHARDS)]
    total = collections.Counter()
    for partial in ray.get([count_words.remote(shard) for shard in shards]):
        total.update(partial)
    for word, count in total.most_common(5):
        print(f"{word} {count}")
    print(f"distinct words {len(total)}, words {sum(total.values())}")


if __name__ == "__main__":
    main()
