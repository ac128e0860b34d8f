"""logo"""
