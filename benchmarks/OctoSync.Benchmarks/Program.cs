Console.WriteLine("OctoSync benchmarks: none yet.");
