"""A small training run: fits y = 3x + 2 with gradient descent in an actor on a worker, saving a
checkpoint (the parameters as JSON) every few epochs and at the end, then reads the last one back.
"""

import json
import os
import random
import tempfile

import ray

EPOCHS = int(os.environ.get("TRAIN_EPOCHS", "30"))


@ray.remote(num_cpus=1)
class Trainer:
    def __init__(self, seed: int):
        rng = random.Random(seed)
        self.data = [(x, 3.0 * x + 2.0 + rng.gauss(0, 0.1))
                     for x in (rng.uniform(-1, 1) for _ in range(2000))]
        self.w, self.b = 0.0, 0.0

    def epoch(self, rate: float) -> float:
        grad_w = grad_b = loss = 0.0
        for x, y in self.data:
            error = self.w * x + self.b - y
            grad_w += 2 * error * x
            grad_b += 2 * error
            loss += error * error
        n = len(self.data)
        self.w -= rate * grad_w / n
        self.b -= rate * grad_b / n
        return loss / n

    def checkpoint(self) -> dict:
        return {"w": self.w, "b": self.b}


def main():
    ray.init()
    trainer = Trainer.remote(seed=7)
    folder = os.environ.get("CHECKPOINT_DIR") or tempfile.mkdtemp(prefix="rov-checkpoint-")
    path = os.path.join(folder, "checkpoint.json")
    for epoch in range(1, EPOCHS + 1):
        loss = ray.get(trainer.epoch.remote(0.5))
        if epoch % 10 == 0 or epoch == EPOCHS:
            with open(path, "w", encoding="utf-8") as file:
                json.dump({"epoch": epoch, **ray.get(trainer.checkpoint.remote())}, file)
            print(f"epoch {epoch} loss {loss:.4f} checkpoint {path}")
    with open(path, encoding="utf-8") as file:
        saved = json.load(file)
    print(f"restored epoch {saved['epoch']}: w={saved['w']:.2f} b={saved['b']:.2f}")


if __name__ == "__main__":
    main()
