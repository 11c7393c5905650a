"""Typed values: how two values compare, their keys, and the time a claim holds for."""
