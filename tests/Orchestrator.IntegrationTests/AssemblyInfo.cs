// Each test starts real server processes; on a 2-core machine they are more reliable one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
