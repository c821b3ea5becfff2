import ReportCore

/// Ekonomi: the operations table with computed deviations and bars, nettokostnad per verksamhet
/// with trend, Covid-19, the tables the text version lacks, and the commentary texts.
enum EconomyScreen {
    static func build(_ context: BuildContext) -> ViewModel {
        let data = context.data, economy = data.report.economy
        var model = ViewModel()
        model.append(Parts.heading("\(economy.operations.title) (\(economy.operations.unit))"))
        FinancialTableWidget.append(.operations, to: &model, context: context)
        model.blank()
        FinancialTableWidget.appendDeviationBars(.operations, to: &model, context: context)
        model.blank()
        model.append(Parts.heading("\(economy.netCost.title) (\(economy.netCost.unit))"))
        FinancialTableWidget.append(.netCost, to: &model, context: context, options: .init(trend: true))
        model.blank()
        model.append(Parts.heading("\(economy.covid.title) (\(economy.covid.unit))"))
        FinancialTableWidget.append(.covid, to: &model, context: context)
        if !economy.absentTables.isEmpty {
            model.blank()
            model.append(Parts.heading("Tabeller som saknas"))
            for absent in economy.absentTables {
                var builder = LineBuilder()
                builder.space(2)
                builder.text("! ", .warning)
                builder.text(absent.title, .emphasis)
                builder.text(" – saknas i textversionen", .warning)
                model.append(builder.line())
                model.append(contentsOf: Line.wrapped(absent.reason, width: context.width, indent: 4, .muted))
                model.append(contentsOf: Line.wrapped("Plats: \(absent.location)", width: context.width, indent: 4, .muted))
            }
        }
        model.append(contentsOf: TextsScreen.links(group: "Ekonomi", title: "Kommentarer", context: context))
        return model
    }
}
