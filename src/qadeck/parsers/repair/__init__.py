"""Repairs the parsers apply to text that lost its shape: page chrome, glued lines, flattened code,
questions to infer."""
