namespace QualityVoice.Analysis.Local;

/// <summary>A model's sentence-embedding features: whose embeddings, how long, and how much they weigh beside the TF-IDF terms.</summary>
/// <param name="Model">The embedding model's name (for example all-MiniLM-L6-v2).</param>
/// <param name="Dimensions">The embedding's length.</param>
/// <param name="Weight">What each unit-length embedding is multiplied by before it joins the unit-length TF-IDF blocks.</param>
public sealed record EmbeddingBlock(string Model, int Dimensions, float Weight);
