"""pyserial URL handlers shipped by Time Warp (pyserial looks for ``protocol_<scheme>`` here)."""
