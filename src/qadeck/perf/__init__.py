"""Speed-ups behind the stages: the card cache, the package cache, the parallel map.

None of them changes what a build writes, only how long it takes; the pipeline
(:mod:`qadeck.pipeline`) alone uses them, and the package format names its
quicker write (:attr:`qadeck.writers.Format.write_kept`).
"""
