"""Identification as an inference step over the stored SNMP values (see identify.py)."""
