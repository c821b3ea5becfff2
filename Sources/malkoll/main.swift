print("malkoll")
