"""turtle"""
