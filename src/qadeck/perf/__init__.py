"""Speed-ups behind the stages: the card cache, the package cache, the parallel map, the zip writer.

None of them changes what a build writes, only how long it takes.
"""
