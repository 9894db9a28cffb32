/** Communities (社区) and villages (村): public facts, announced as CommunityRegistered; coarse places (geohash cells). */
package org.wushe.hub.community.community;
