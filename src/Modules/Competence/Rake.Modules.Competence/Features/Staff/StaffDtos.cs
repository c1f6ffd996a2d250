namespace Rake.Modules.Competence.Features.Staff;

internal sealed record OrientationItemDto(Guid Id, int Position, string Text, bool Structural, bool DoneByMe);

/// <summary>An orientation item with whether the caller has done it.</summary>
internal sealed record OrientationItemView(OrientationItem Item, bool DoneByMe);

internal sealed record TrainingDto(
    Guid Id, string Kind, string Title, string? Url, int? DurationMinutes, DateOnly? On, int Participants, bool JoinedByMe);

/// <summary>A training with its participation: how many took part and whether the caller did.</summary>
internal sealed record TrainingView(Training Training, int Participants, bool JoinedByMe);

internal sealed record SpecialistDto(Guid Id, string Name, string Unit, int Credits, int? CompletedYear, string Use);

internal sealed record NeedDto(Guid Id, int Year, string? Unit, string Text, string RecordedBy);
