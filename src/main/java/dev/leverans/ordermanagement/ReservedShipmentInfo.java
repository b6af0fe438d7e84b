package dev.leverans.ordermanagement;

import dev.leverans.merchants.OrderManagementSettings;
import dev.leverans.shipments.ShipmentStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Klarna {@code shipping_info} from the shipment reserved through /ksa/shipment: carrier code mapped
 * to the merchant's {@code shipping_company} name, option type mapped to {@code shipping_method},
 * tracking number and URL once the merchant reported them.
 */
public final class ReservedShipmentInfo implements ShippingInfoSource {
    private static final Map<String, String> METHOD_BY_TYPE = Map.of(
            "home", "Home", "locker", "BoxReg", "pickup_point", "PickUpPoint", "in_store", "PickUpStore", "letter", "Postal");

    private final ShipmentStore shipments;

    public ReservedShipmentInfo(ShipmentStore shipments) {
        this.shipments = shipments;
    }

    @Override
    public Optional<Reserved> reserved(String merchantId, String tmsReference, OrderManagementSettings settings) {
        if (tmsReference == null) return Optional.empty();
        return shipments.find(merchantId, tmsReference).map(s -> {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("shipping_company", settings.shippingCompanies().getOrDefault(s.choice().carrier(), s.choice().carrier()));
            info.put("shipping_method", METHOD_BY_TYPE.getOrDefault(s.choice().optionType(), "Undefined"));
            if (s.tracking() != null) {
                info.put("tracking_number", s.tracking().number());
                if (s.tracking().url() != null) info.put("tracking_uri", s.tracking().url());
            }
            return new Reserved(s.choice().carrier(), info);
        });
    }
}
