namespace QualityVoice.Feedback;

/// <summary>An item the analysis worker has claimed, under a lease.</summary>
/// <param name="Reference">The item.</param>
/// <param name="WhatWasGood">Its first answer.</param>
/// <param name="WhatCouldImprove">Its second answer.</param>
/// <param name="FftRating">Its FFT answer, which gives the sentiment when there is no text.</param>
/// <param name="Attempts">How many times it has been claimed, this one included.</param>
/// <param name="TraceParent">The W3C <c>traceparent</c> of the intake span that stored it, if one was recorded.</param>
public sealed record PendingAnalysis(string Reference, string? WhatWasGood, string? WhatCouldImprove, FftRating FftRating, int Attempts, string? TraceParent = null);
